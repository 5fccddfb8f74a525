import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { SweepPoint } from "../sim/experiments/sweepPoints.js";
import type { ReplicationResult } from "../sim/metrics/ReplicationCollector.js";
import { canonicalJson } from "../sim/scenario/canonicalJson.js";
import { ENGINE_VERSION } from "../sim/version.js";
import { checkShape, expected, jsonObject, recordedSeed, wholeNumber } from "./checkShape.js";
import { earlierRun, type EarlierRun } from "./outputManifest.js";
import { readJsonFile } from "./readTextFile.js";
import { noteOtherCommit } from "./runManifest.js";
import { replicationResultSchema } from "./replicationResultSchema.js";
import { UserError } from "./UserError.js";

/** Where an interrupted sweep keeps its completed units, in its `--out DIR`. */
export const SWEEP_PARTIAL = "sweep.partial.json";

/** Where an interrupted comparison keeps its completed units, in its `--out DIR`. */
export const COMPARISON_PARTIAL = "comparison.partial.json";

/** A completed (point, replication) unit; a run's replications are units of point 0, a comparison's of its scenario's index. */
export interface CompletedUnit {
  point: number;
  replication: number;
  result: ReplicationResult;
}

/** What an interrupted command left: its completed units, and the commands that made them. */
export interface KeptUnits {
  completed: CompletedUnit[];
  /** The interrupted commands, first to last (a resumed command may itself have been interrupted). */
  runs: EarlierRun[];
}

/** What the units must have been made for: the scenario (by hash), points, seed and replications. */
export interface UnitDesign {
  baseHash: string;
  points: readonly SweepPoint[];
  seed: number | string;
  replications: number;
}

const hash = z.string(expected("the scenario's hash (text)"));

/**
 * The shape of the file an interrupted `command` keeps: `"partial": true`, its manifest
 * (the engine version, the commands it resumed, and `manifest`'s fields) and the list of
 * completed units, each of `unit`'s shape.
 */
function partialFileSchema<M extends z.ZodRawShape, U extends z.ZodType>(command: string, manifest: M, unit: U) {
  return z.object(
    {
      partial: z.literal(true, expected(`true (the file of an interrupted ${command})`)),
      manifest: z.object(
        { engineVersion: z.string(expected("the engine version (text)")), resumed: z.array(z.unknown()).optional(), ...manifest },
        expected(`the ${command}'s manifest (an object)`),
      ),
      completed: z.array(unit, expected("the list of completed units")),
    },
    expected(`the file of an interrupted ${command} (an object)`),
  );
}

/** What `sweep --resume` needs of the file an interrupted sweep kept. */
const sweepPartialSchema = partialFileSchema(
  "sweep",
  {
    design: z.object(
      { baseHash: hash, points: z.array(jsonObject(), expected("the list of points")), seed: recordedSeed, replications: wholeNumber(1) },
      expected("the sweep's design (an object)"),
    ),
  },
  z.object({ point: wholeNumber(0), replication: wholeNumber(0), result: replicationResultSchema }, expected("a (point, replication) unit")),
);

/** What `run --resume` needs of the file an interrupted run kept. */
const runPartialSchema = partialFileSchema(
  "run",
  { seed: recordedSeed, replications: wholeNumber(1), scenario: z.object({ hash }, expected("the scenario (an object)")) },
  replicationResultSchema,
);

/** What `compare --resume` needs of the file an interrupted comparison kept. */
const comparisonPartialSchema = partialFileSchema(
  "comparison",
  {
    seed: recordedSeed,
    replications: wholeNumber(1),
    precision: z.string(expected("the --precision text")).nullable(),
    maxReplications: wholeNumber(1),
    scenarios: z.array(z.object({ hash }, expected("a scenario (an object)")), expected("the list of scenarios")),
  },
  z.object({ scenario: wholeNumber(0), replication: wholeNumber(0), result: replicationResultSchema }, expected("a (scenario, replication) unit")),
);

/** What a comparison's units must have been made for: its scenarios (by hash, in order), seed, first batch and precision target. */
export interface ComparisonDesign {
  hashes: readonly string[];
  seed: number | string;
  replications: number;
  precision: string | null;
  maxReplications: number;
}

/**
 * The units an interrupted comparison of the same scenarios and options completed, read from
 * `DIR/comparison.partial.json` for `compare --resume` (each unit's `point` is its scenario's
 * index). Refused as {@link readSweepPartial} refuses, and when the scenarios, their order,
 * `--replications`, `--precision` or `--max-replications` differ: the rounds would not be the same.
 */
export function readComparisonPartial(dir: string, design: ComparisonDesign): KeptUnits {
  const file = join(dir, COMPARISON_PARTIAL);
  const { raw, data } = readKept(file, `an interrupted compare --out ${dir} keeps`, comparisonPartialSchema, "comparison");
  const m = data.manifest;
  const why =
    canonicalJson(m.scenarios.map((s) => s.hash)) !== canonicalJson(design.hashes) ? "its scenarios are not this comparison's (a file, their order, --set or --days changed)"
    : m.replications !== design.replications ? `its rounds are of ${m.replications} replications, this comparison's of ${design.replications}`
    : m.precision !== design.precision || m.maxReplications !== design.maxReplications ? `its --precision and --max-replications (${m.precision ?? "none"}, ${m.maxReplications}) are not this comparison's (${design.precision ?? "none"}, ${design.maxReplications})`
    : null;
  if (why && m.engineVersion === ENGINE_VERSION) throw new UserError(`${file}: cannot resume: ${why}; run it without --resume to start again; nothing was run`);
  // Each scenario is a "point"; a unit may be of any round, up to the cap.
  const points = design.hashes.map(() => ({}));
  const units = data.completed.map((u) => ({ point: u.scenario, replication: u.replication, result: u.result as unknown as ReplicationResult }));
  const kept = { engineVersion: m.engineVersion, baseHash: "", points, seed: m.seed, replications: design.maxReplications, units };
  const completed = checkKept(file, kept, { baseHash: "", points, seed: design.seed, replications: design.maxReplications }, "comparison");
  noteOtherCommit(file, raw?.manifest?.gitCommit);
  return { completed, runs: [...((m.resumed ?? []) as EarlierRun[]), earlierRun(raw?.manifest)] };
}

/**
 * The units an interrupted sweep of the same design completed, read from `DIR/sweep.partial.json`
 * for `sweep --resume`. Refused, naming what differs, when the file is not there or was made
 * by another engine version or for another scenario, set of points, seed or number of
 * replications: the units would not be the ones this sweep needs.
 */
export function readSweepPartial(dir: string, design: UnitDesign): KeptUnits {
  const file = join(dir, SWEEP_PARTIAL);
  const { raw, data } = readKept(file, `an interrupted sweep --out ${dir} keeps`, sweepPartialSchema, "sweep");
  const m = data.manifest;
  const kept = { engineVersion: m.engineVersion, ...m.design, units: data.completed as unknown as CompletedUnit[] };
  const completed = checkKept(file, kept, design, "sweep");
  noteOtherCommit(file, raw?.manifest?.gitCommit);
  return { completed, runs: [...((m.resumed ?? []) as EarlierRun[]), earlierRun(raw?.manifest)] };
}

/** As {@link readSweepPartial}, for `run --out FILE --resume`: the replications an interrupted run kept in `file`. */
export function readRunPartial(file: string, design: Omit<UnitDesign, "points">): KeptUnits {
  const { raw, data } = readKept(file, "an interrupted run with the same --out keeps", runPartialSchema, "run");
  const m = data.manifest;
  const units = (data.completed as unknown as ReplicationResult[]).map((result) => ({ point: 0, replication: result.replication, result }));
  const kept = { engineVersion: m.engineVersion, baseHash: m.scenario.hash, points: [{}], seed: m.seed, replications: m.replications, units };
  const completed = checkKept(file, kept, { ...design, points: [{}] }, "run");
  noteOtherCommit(file, raw?.manifest?.gitCommit);
  return { completed, runs: [...((m.resumed ?? []) as EarlierRun[]), earlierRun(raw?.manifest)] };
}

function readKept<T>(file: string, keeps: string, schema: z.ZodType<T>, command: string): { raw: { manifest?: Record<string, unknown> } | null; data: T } {
  if (!existsSync(file)) throw new UserError(`--resume: expected ${file}, which ${keeps}, found none; nothing was run`);
  const raw = readJsonFile(file, `partial ${command}`) as { manifest?: Record<string, unknown> } | null;
  return { raw, data: checkShape(file, raw, schema, `expected the file an interrupted gridgov ${command} kept; nothing was run`) };
}

/** The kept units, once they are known to be units of `design`, each once. */
function checkKept(file: string, kept: UnitDesign & { engineVersion: string; units: CompletedUnit[] }, design: UnitDesign, command: string): CompletedUnit[] {
  const why =
    kept.engineVersion !== ENGINE_VERSION ? `it was made by engine ${kept.engineVersion}, this is ${ENGINE_VERSION}`
    : kept.baseHash !== design.baseHash ? `its scenario is ${kept.baseHash.slice(0, 12)}, this ${command}'s ${design.baseHash.slice(0, 12)} (the file or --set/--days changed)`
    : canonicalJson(kept.seed) !== canonicalJson(design.seed) ? `its seed is ${kept.seed}, this ${command}'s ${design.seed}`
    : canonicalJson(kept.points) !== canonicalJson(design.points) ? `its points differ from this sweep's (--vary, --range or --samples changed)`
    : kept.replications !== design.replications ? `it has ${kept.replications} replications${command === "sweep" ? " per point" : ""}, this ${command} ${design.replications}`
    : null;
  if (why) throw new UserError(`${file}: cannot resume: ${why}; run it without --resume to start again; nothing was run`);
  const seen = new Set<string>();
  kept.units.forEach((u, k) => {
    const key = `${u.point}/${u.replication}`;
    const unitName = command === "run" ? `replication ${u.replication}` : `${command === "sweep" ? "point" : "scenario"} ${u.point} replication ${u.replication}`;
    const bad =
      u.point >= design.points.length || u.replication >= design.replications ? `${unitName}, outside this ${command}`
      : u.result.replication !== u.replication ? `the result of replication ${u.result.replication} for replication ${u.replication}`
      : seen.has(key) ? `${unitName} a second time`
      : null;
    if (bad) throw new UserError(`${file}: completed[${k}]: expected a unit of this ${command} once, found ${bad}; nothing was run`);
    seen.add(key);
  });
  return kept.units;
}

/**
 * Refuses to start a run or sweep afresh where an interrupted one kept completed units in
 * `file`: an interruption of the new one would replace them. With `--resume` they are
 * continued; otherwise the user chooses (remove the file, or another `--out`). A kept file
 * with no completed unit holds nothing to lose.
 */
export function refuseToReplaceKept(file: string, command: "run" | "sweep" | "comparison"): void {
  if (!existsSync(file)) return;
  let kept = -1;
  try {
    const data = readJsonFile(file, `partial ${command}`) as { completed?: unknown } | null;
    if (Array.isArray(data?.completed)) kept = data.completed.length;
  } catch {
    // Unreadable: it may still hold what someone wants; refused below.
  }
  if (kept === 0) return;
  const what = kept > 0 ? `the ${kept} completed ${command === "run" ? "replication" : "unit"}${kept === 1 ? "" : "s"} of an interrupted ${command}` : `what an interrupted ${command} kept`;
  throw new UserError(`${file}: holds ${what}; add --resume to continue it, or remove the file (or give another --out) to start again; nothing was run`);
}
