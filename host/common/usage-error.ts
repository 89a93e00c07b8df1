/**
 * Bad arguments or unreadable input: the CLI prints its message on one line and exits 2; the
 * web and launch entry points print it and exit the same way. It lives here, below all three,
 * because each of them parses its own flags with `./args.ts`.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
