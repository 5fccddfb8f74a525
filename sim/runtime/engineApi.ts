import { recordPlayback, type PlaybackOutcome, type RecordPlaybackOptions } from "../experiments/recordPlayback.js";
import { runReplication } from "../experiments/runReplication.js";
import type { ReplicationResult } from "../metrics/ReplicationCollector.js";
import { scenarioSchema } from "../scenario/scenarioSchema.js";

/** What a worker returns for one replication: the result, or why it failed (errors lose their class across threads). */
export type ReplicationOutcome = { ok: true; result: ReplicationResult } | { ok: false; error: string };

/**
 * The engine as seen from another thread: the same module is exposed by the Node
 * worker (worker_threads) and the browser worker (Web Worker), through comlink.
 * Scenarios cross as plain JSON data and are validated again on arrival.
 */
export const engineApi = {
  /** Runs replication `replication` of `scenario` (validated scenario data) under `seed`. */
  runReplication(scenario: unknown, seed: number | string, replication: number): ReplicationOutcome {
    try {
      const parsed = scenarioSchema.safeParse(scenario);
      if (!parsed.success) return { ok: false, error: `invalid scenario: ${parsed.error.issues[0]?.message ?? "unknown problem"}` };
      return { ok: true, result: runReplication(parsed.data, seed, replication) };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e) };
    }
  },

  /** Runs replication `replication` of `scenario` and records its first days for the teaching playback. */
  recordPlayback(scenario: unknown, seed: number | string, replication: number, options: RecordPlaybackOptions = {}): PlaybackOutcome {
    try {
      const parsed = scenarioSchema.safeParse(scenario);
      if (!parsed.success) return { ok: false, error: `invalid scenario: ${parsed.error.issues[0]?.message ?? "unknown problem"}` };
      return { ok: true, playback: recordPlayback(parsed.data, seed, replication, options) };
    } catch (e) {
      return { ok: false, error: e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e) };
    }
  },
};

/** The type of {@link engineApi}, for comlink's `wrap<EngineApi>()`. */
export type EngineApi = typeof engineApi;
