import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { ReplicationResult } from "../sim/metrics/ReplicationCollector.js";
import { canonicalJson } from "../sim/scenario/canonicalJson.js";
import { ENGINE_VERSION } from "../sim/version.js";
import { earlierRun, type EarlierRun } from "./outputManifest.js";
import { checkShape, expected, jsonObject, recordedSeed, wholeNumber } from "./checkShape.js";
import { readJsonFile } from "./readTextFile.js";
import { replicationResultSchema } from "./replicationResultSchema.js";
import type { SweepDesign } from "./sweepDesign.js";
import { UserError } from "./UserError.js";

/** Where an interrupted sweep keeps its completed units, in its `--out DIR`. */
export const SWEEP_PARTIAL = "sweep.partial.json";

/** What `sweep --resume` needs of the file an interrupted sweep kept. */
const partialSchema = z.object(
  {
    partial: z.literal(true, expected("true (the file of an interrupted sweep)")),
    manifest: z.object(
      {
        engineVersion: z.string(expected("the engine version (text)")),
        resumed: z.array(z.unknown()).optional(),
        design: z.object(
          {
            baseHash: z.string(expected("the scenario's hash (text)")),
            points: z.array(jsonObject(), expected("the list of points")),
            seed: recordedSeed,
            replications: wholeNumber(1),
          },
          expected("the sweep's design (an object)"),
        ),
      },
      expected("the sweep's manifest (an object)"),
    ),
    completed: z.array(
      z.object({ point: wholeNumber(0), replication: wholeNumber(0), result: replicationResultSchema }, expected("a (point, replication) unit")),
      expected("the list of completed units"),
    ),
  },
  expected("the file of an interrupted sweep (an object)"),
);

/** What an interrupted sweep left: its completed units, and the commands that made them. */
export interface SweepPartial {
  completed: CompletedUnit[];
  /** The interrupted commands, first to last (a resumed sweep may itself have been interrupted). */
  runs: EarlierRun[];
}

/** A completed (point, replication) unit of a sweep. */
export interface CompletedUnit {
  point: number;
  replication: number;
  result: ReplicationResult;
}

/**
 * The units an interrupted sweep of the same design completed, read from `DIR/sweep.partial.json`
 * for `sweep --resume`. Refused, naming what differs, when the file is not there or was made by
 * another engine version or for another scenario, set of points, seed or number of
 * replications: the units would not be the ones this sweep needs.
 */
export function readSweepPartial(dir: string, design: SweepDesign): SweepPartial {
  const file = join(dir, SWEEP_PARTIAL);
  if (!existsSync(file)) throw new UserError(`--resume: expected ${file}, which an interrupted sweep --out ${dir} keeps, found none; nothing was run`);
  const raw = readJsonFile(file, "partial sweep") as { manifest?: Record<string, unknown> } | null;
  const data = checkShape(file, raw, partialSchema, "expected the file an interrupted gridgov sweep kept; nothing was run");
  const m = data.manifest;
  const d = m.design;
  const why =
    m.engineVersion !== ENGINE_VERSION ? `it was made by engine ${m.engineVersion}, this is ${ENGINE_VERSION}`
    : d.baseHash !== design.baseHash ? `its scenario is ${d.baseHash.slice(0, 12)}, this sweep's ${design.baseHash.slice(0, 12)} (the file or --set/--days changed)`
    : canonicalJson(d.seed) !== canonicalJson(design.seed) ? `its seed is ${d.seed}, this sweep's ${design.seed}`
    : canonicalJson(d.points) !== canonicalJson(design.points) ? `its points differ from this sweep's (--vary, --range or --samples changed)`
    : d.replications !== design.replications ? `it has ${d.replications} replications per point, this sweep ${design.replications}`
    : null;
  if (why) throw new UserError(`${file}: cannot resume: ${why}; run the sweep without --resume to start again; nothing was run`);
  const seen = new Set<string>();
  data.completed.forEach((u, k) => {
    const key = `${u.point}/${u.replication}`;
    const bad =
      u.point >= design.points.length || u.replication >= design.replications ? `point ${u.point} replication ${u.replication}, outside the design`
      : (u.result as unknown as ReplicationResult).replication !== u.replication ? `the result of replication ${(u.result as unknown as ReplicationResult).replication} for replication ${u.replication}`
      : seen.has(key) ? `point ${u.point} replication ${u.replication} a second time`
      : null;
    if (bad) throw new UserError(`${file}: completed[${k}]: expected a unit of this sweep's design once, found ${bad}; nothing was run`);
    seen.add(key);
  });
  const earlier = (m.resumed ?? []) as EarlierRun[];
  return { completed: data.completed as unknown as CompletedUnit[], runs: [...earlier, earlierRun(raw?.manifest)] };
}
