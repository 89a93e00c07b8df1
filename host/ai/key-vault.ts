import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where the desktop app keeps the API key. The Electron implementation wraps `safeStorage`;
 * host code only sees this interface, so it never imports Electron. Implementations must
 * never write the key in plain text and never log it.
 */
export interface KeyVault {
  get(): Promise<string | null>;
  set(key: string): Promise<void>;
  clear(): Promise<void>;
}

/**
 * The shape of Electron's `safeStorage` (OS keychain-backed encryption). Main passes
 * `safeStorage` itself: `new EncryptedFileKeyVault(dataDir, safeStorage)`.
 */
export interface StringEncryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const KEY_FILE = 'anthropic-key.bin';

/** A vault that stores only the encrypted key, in one file in the data folder. */
export class EncryptedFileKeyVault implements KeyVault {
  private readonly file: string;

  constructor(
    private readonly dataDir: string,
    private readonly encryptor: StringEncryptor,
  ) {
    this.file = join(dataDir, KEY_FILE);
  }

  async get(): Promise<string | null> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch {
      return null;
    }
    try {
      return this.encryptor.decryptString(bytes) || null;
    } catch {
      // Encrypted by another user or machine: treat as no key rather than failing every pass.
      return null;
    }
  }

  async set(key: string): Promise<void> {
    // Refusing beats falling back to plain text when the OS offers no encryption.
    if (!this.encryptor.isEncryptionAvailable()) throw new Error('this system offers no encrypted storage for the API key; set ANTHROPIC_API_KEY instead');
    await mkdir(this.dataDir, { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, this.encryptor.encryptString(key), { mode: 0o600 });
    await rename(temp, this.file);
  }

  async clear(): Promise<void> {
    await rm(this.file, { force: true });
  }
}

/** Where the key in use came from. */
export type KeySource = 'vault' | 'env' | 'none';

/**
 * The key to use: the vault's (desktop app) when it holds one, else ANTHROPIC_API_KEY (the
 * only source in browser mode and the CLI, where there is no vault).
 */
export async function resolveApiKey(vault: KeyVault | null, env: Record<string, string | undefined>): Promise<{ key: string | null; source: KeySource }> {
  const stored = vault ? await vault.get() : null;
  if (stored) return { key: stored, source: 'vault' };
  const fromEnv = env.ANTHROPIC_API_KEY?.trim();
  if (fromEnv) return { key: fromEnv, source: 'env' };
  return { key: null, source: 'none' };
}
