/**
 * Ctrl-C for a long command: the first SIGINT says so on stderr and aborts the returned
 * signal (replications under way finish, no new one starts); a second one quits at once,
 * as Node does by default. Call `dispose` when the work is over.
 */
export function interruptSignal(): { signal: AbortSignal; dispose: () => void } {
  const stop = new AbortController();
  const onInterrupt = () => {
    process.stderr.write("\ninterrupted: finishing the replications under way, starting no new ones (Ctrl-C again to quit at once)\n");
    process.off("SIGINT", onInterrupt);
    stop.abort();
  };
  process.on("SIGINT", onInterrupt);
  return { signal: stop.signal, dispose: () => process.off("SIGINT", onInterrupt) };
}
