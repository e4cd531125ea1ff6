/**
 * Resolves at the first SIGINT or SIGTERM (Ctrl+C): how the long-running commands (`rtm`,
 * `webhooks listen`, `simulator`) learn to close cleanly and exit 0.
 */
export function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
