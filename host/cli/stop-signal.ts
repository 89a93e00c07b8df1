/**
 * Runs a long-lived command (a server) with an AbortSignal that fires on SIGINT or SIGTERM, so the
 * command shuts down cleanly; the handlers are removed when it returns.
 */
export async function withStopSignal<T>(run: (stop: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await run(controller.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
