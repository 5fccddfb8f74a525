import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { combineReplications } from "../../sim/experiments/runScenario.js";
import type { ReplicationResult } from "../../sim/metrics/ReplicationCollector.js";
import { canonicalJson } from "../../sim/scenario/canonicalJson.js";
import { scenarioHash } from "../../sim/scenario/scenarioHash.js";
import { parseScenario } from "../../sim/scenario/parseScenario.js";
import { ENGINE_VERSION } from "../../sim/version.js";
import { z } from "zod";
import { checkShape, expected, jsonObject, recordedSeed, wholeNumber } from "../checkShape.js";
import { parseArgs, type FlagSpec } from "../parseArgs.js";
import { readJsonFile } from "../readTextFile.js";
import { replicationResultSchema } from "../replicationResultSchema.js";
import { pointScenarios, shardUnits, sweepDesign, sweepOutput, toCsv } from "../sweepDesign.js";
import { mapReportingAll, UserError } from "../UserError.js";
import { SWEEP_TABLES, writeSweep } from "./sweep.js";
import { checkOutputDirectory } from "../checkOutputFiles.js";
import { earlierRun } from "../outputManifest.js";

/** What merge needs of a shard file (written by `sweep --shard i/N --out DIR`). */
const shardFileSchema = z.object(
  {
    manifest: z.object(
      {
        engineVersion: z.string(expected("the engine version (text)")),
        design: z.object(
          {
            base: jsonObject(),
            baseHash: z.string(expected("the scenario's hash (text)")),
            points: z.array(jsonObject(), expected("the list of points")).min(1, expected("at least one point")),
            seed: recordedSeed,
            replications: wholeNumber(1),
          },
          expected("the sweep's design (an object)"),
        ),
        shard: z.object({ index: wholeNumber(0), count: wholeNumber(1) }, expected("{ index, count } of the shard")),
      },
      expected("the shard's manifest (an object)"),
    ),
    results: z.array(
      z.object({ point: wholeNumber(0), replication: wholeNumber(0), result: replicationResultSchema }, expected("a (point, replication) unit")),
      expected("the list of results"),
    ),
  },
  expected("a shard file (an object)"),
);

export const MERGE_FLAGS = { out: "string", json: "boolean" } satisfies FlagSpec;

export const MERGE_USAGE = `gridgov merge <DIR> [--out DIR] [--json]
      combines the shard files of a sweep; --out DIR is a directory (default: the shards' DIR): writes sweep.csv, summary.csv, sweep.json and manifest.json there`;

/**
 * `gridgov merge DIR`: combines the shard files of a sweep (`sweep --shard i/N --out DIR`)
 * into exactly the output one process would have written. Shards of different
 * scenarios, designs, seeds or engine versions, missing or repeated shards are refused.
 */
export function mergeCommand(argv: readonly string[]): number {
  const startedAt = new Date();
  const { positional, flags } = parseArgs(argv, MERGE_FLAGS, "merge");
  if (positional.length !== 1) throw new UserError(`usage: ${MERGE_USAGE}`);
  const dir = positional[0];
  if (existsSync(dir) && statSync(dir).isFile()) {
    throw new UserError(`${dir}: expected the directory holding the shard files (gridgov merge DIR), found a file`);
  }
  if (flags.out !== undefined) checkOutputDirectory(flags.out as string, SWEEP_TABLES.join(", "));
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => /^shard-\d+-of-\d+\.json$/.test(f)).sort();
  } catch (e) {
    throw new UserError(`${dir}: cannot read the directory: ${(e as Error).message}`);
  }
  if (names.length === 0) throw new UserError(`${dir}: expected shard files (shard-<i>-of-<N>.json), found none`);
  const shards = mapReportingAll(names, (name) => {
    const file = join(dir, name);
    const raw = readJsonFile(file, "shard file") as { manifest?: Record<string, unknown> } | null;
    const data = checkShape(file, raw, shardFileSchema, "not a shard file of gridgov sweep --shard i/N; nothing was merged");
    const { index, count } = data.manifest.shard;
    if (name !== `shard-${index}-of-${count}.json`) throw new UserError(`${file}: manifest.shard: expected shard ${name.replace(/^shard-(\d+)-of-(\d+)\.json$/, "$1 of $2")} as the file name says, found shard ${index} of ${count}`);
    // How the shard was made, for the merged manifest (the schema keeps only what merging needs).
    return { name, data, made: { file: name, ...earlierRun(raw?.manifest) } };
  });
  const first = shards[0].data.manifest;
  const key = (m: typeof first) =>
    canonicalJson({ engine: m.engineVersion, hash: m.design.baseHash, points: m.design.points, seed: m.design.seed, replications: m.design.replications, count: m.shard.count });
  for (const { name, data } of shards) {
    const m = data.manifest;
    const why =
      m.engineVersion !== first.engineVersion ? `engine ${m.engineVersion}, not ${first.engineVersion}`
      : m.design.baseHash !== first.design.baseHash ? `scenario ${m.design.baseHash.slice(0, 12)}, not ${first.design.baseHash.slice(0, 12)}`
      : canonicalJson(m.design.seed) !== canonicalJson(first.design.seed) ? `seed ${m.design.seed}, not ${first.design.seed}`
      : key(m) !== key(first) ? "a different design (points, replications or shard count)"
      : null;
    if (why) throw new UserError(`${join(dir, name)}: cannot merge with ${shards[0].name}: it comes from ${why}`);
  }
  if (first.engineVersion !== ENGINE_VERSION) {
    process.stderr.write(`note: the shards were made by engine ${first.engineVersion}; this is ${ENGINE_VERSION}\n`);
  }
  const count = first.shard.count;
  const seen = new Set(shards.map((s) => s.data.manifest.shard.index));
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length || shards.length !== count) {
    throw new UserError(`${dir}: expected shards 0 … ${count - 1} once each, found ${shards.length} file(s)${missing.length ? `; missing ${missing.join(", ")}` : "; some repeated"}`);
  }
  const parsed = parseScenario(first.design.base);
  if (!parsed.ok || scenarioHash(parsed.value) !== first.design.baseHash) throw new UserError(`${dir}: the shards' scenario does not match its hash`);
  const design = sweepDesign(parsed.value, first.design.points, first.design.seed, first.design.replications);
  const byPoint: ReplicationResult[][] = design.points.map(() => []);
  for (const { name, data } of shards) {
    // Each shard holds exactly its slice of the units, in order.
    const { index } = data.manifest.shard;
    const slice = shardUnits(design, index, count);
    const unit = (u: { point: number; replication: number }) => `point ${u.point} replication ${u.replication}`;
    const wrong = data.results.findIndex((r, k) => r.point !== slice[k]?.point || r.replication !== slice[k]?.replication || r.result.replication !== r.replication);
    if (wrong >= 0 || data.results.length !== slice.length) {
      const held = slice.length ? `: ${unit(slice[0])} to ${unit(slice[slice.length - 1])}` : "";
      const found = wrong >= 0 ? `${unit(data.results[wrong])} (result of replication ${data.results[wrong].result.replication}) at results[${wrong}]` : `${data.results.length} units`;
      throw new UserError(`${join(dir, name)}: results: expected the ${slice.length} units of shard ${index} of ${count} in order${held}; found ${found}`);
    }
    for (const r of data.results) byPoint[r.point].push(r.result as unknown as ReplicationResult);
  }
  const points = pointScenarios(design, dir);
  const runs = byPoint.map((results, k) => combineReplications(points[k].scenario, design.seed, results, points[k].warnings));
  const output = sweepOutput(design, runs);
  writeSweep((flags.out as string | undefined) ?? dir, output, {
    scenarios: [design.base],
    points: design.points,
    seed: design.seed,
    replications: design.replications,
    command: ["gridgov", "merge", ...argv],
    startedAt,
    shards: shards.map((s) => s.made),
  });
  process.stdout.write(flags.json ? JSON.stringify(output, null, 2) + "\n" : toCsv(output.summary));
  return 0;
}
