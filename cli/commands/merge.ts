import { readdirSync } from "node:fs";
import { join } from "node:path";
import { combineReplications } from "../../sim/experiments/runScenario.js";
import type { ReplicationResult } from "../../sim/metrics/ReplicationCollector.js";
import { canonicalJson } from "../../sim/scenario/canonicalJson.js";
import { scenarioHash } from "../../sim/scenario/scenarioHash.js";
import { parseScenario } from "../../sim/scenario/parseScenario.js";
import { ENGINE_VERSION } from "../../sim/version.js";
import { parseArgs } from "../parseArgs.js";
import { readJsonFile } from "../readTextFile.js";
import type { RunManifest } from "../runManifest.js";
import { pointScenarios, sweepDesign, sweepOutput, toCsv, units, type SweepDesign } from "../sweepDesign.js";
import { UserError } from "../UserError.js";
import { writeSweep } from "./sweep.js";

interface ShardFile {
  manifest: RunManifest & { design: SweepDesign; shard: { index: number; count: number } };
  results: Array<{ point: number; replication: number; result: ReplicationResult }>;
}

/**
 * `gridgov merge DIR`: combines the shard files of a sweep (`sweep --shard i/N --out DIR`)
 * into exactly the output one process would have written. Shards of different
 * scenarios, designs, seeds or engine versions, missing or repeated shards are refused.
 */
export function mergeCommand(argv: readonly string[]): number {
  const { positional, flags } = parseArgs(argv, { out: "string", json: "boolean" }, "merge");
  if (positional.length !== 1) throw new UserError("usage: gridgov merge <dir/> [--out dir/] [--json]");
  const dir = positional[0];
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => /^shard-\d+-of-\d+\.json$/.test(f)).sort();
  } catch (e) {
    throw new UserError(`${dir}: cannot read the directory: ${(e as Error).message}`);
  }
  if (names.length === 0) throw new UserError(`${dir}: expected shard files (shard-<i>-of-<N>.json), found none`);
  const shards = names.map((name) => ({ name, data: readJsonFile(join(dir, name), "shard file") as ShardFile }));
  const first = shards[0].data.manifest;
  const key = (m: ShardFile["manifest"]) =>
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
  for (const { data } of shards) for (const r of data.results) byPoint[r.point].push(r.result);
  const expected = units(design).length;
  const got = byPoint.reduce((a, b) => a + b.length, 0);
  if (got !== expected) throw new UserError(`${dir}: expected ${expected} (point, replication) units, found ${got}`);
  const points = pointScenarios(design, dir);
  const runs = byPoint.map((results, k) => combineReplications(points[k].scenario, design.seed, results, points[k].warnings));
  const output = sweepOutput(design, runs);
  writeSweep((flags.out as string | undefined) ?? dir, output);
  process.stdout.write(flags.json ? JSON.stringify(output, null, 2) + "\n" : toCsv(output.summary));
  return 0;
}
