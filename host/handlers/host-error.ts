/** A failure the user should read: a stable code and one actionable sentence. */
export class HostError extends Error {
  override name = 'HostError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
