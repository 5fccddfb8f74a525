/** A running animation loop. */
export interface PlaybackLoop {
  start(): void;
  stop(): void;
  readonly running: boolean;
}

/**
 * A thin requestAnimationFrame loop: pacing only, no stepping. Each frame it calls
 * `tick(elapsedMs)` with the wall-clock milliseconds since the previous frame (at most
 * `maxStepMs`, so a tab coming back from the background does not jump); `tick`
 * returns false to stop the loop.
 */
export function playbackLoop(tick: (elapsedMs: number) => boolean | void, maxStepMs = 250): PlaybackLoop {
  let handle = 0;
  let last = NaN;
  let running = false;
  const frame = (now: number) => {
    if (!running) return;
    const elapsed = Number.isNaN(last) ? 0 : Math.min(maxStepMs, Math.max(0, now - last));
    last = now;
    if (tick(elapsed) === false) {
      running = false;
      return;
    }
    handle = requestAnimationFrame(frame);
  };
  return {
    start() {
      if (running) return;
      running = true;
      last = NaN;
      handle = requestAnimationFrame(frame);
    },
    stop() {
      if (!running) return;
      running = false;
      cancelAnimationFrame(handle);
    },
    get running() {
      return running;
    },
  };
}
