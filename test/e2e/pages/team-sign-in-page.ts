import type { Page } from 'playwright-core';

/** The team server's plain-HTML auth pages (`/auth/*`): set a password, sign in, ask for a link. */
export class TeamSignInPage {
  constructor(readonly page: Page) {}

  async setPassword(password: string): Promise<void> {
    await this.page.getByLabel(/^Password/).fill(password);
    await this.page.getByLabel('The same password again').fill(password);
    await this.page.getByRole('button', { name: 'Set password and sign in' }).click();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByLabel('Email', { exact: true }).fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  async requestMagicLink(email: string): Promise<void> {
    await this.page.getByLabel('Or get a sign-in link by email').fill(email);
    await this.page.getByRole('button', { name: 'Email me a link' }).click();
  }

  error(): Promise<string | null> {
    return this.page.getByRole('alert').textContent();
  }

  heading(): Promise<string | null> {
    return this.page.locator('h1').textContent();
  }
}
