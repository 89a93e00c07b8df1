/** The app's existing email abstraction; `sendTransactional` throws when the email was not accepted. */
export interface EmailService {
  sendTransactional(to: string, subject: string, htmlBody: string): Promise<void>;
}
