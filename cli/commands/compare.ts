import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { MeasureComparison } from "../../sim/experiments/compareRuns.js";
import type { RunResult } from "../../sim/experiments/runScenario.js";
import { checkOutputFiles, checkOutputDirectory } from "../checkOutputFiles.js";
import { COMPARISON_PARTIAL, readComparisonPartial, refuseToReplaceKept } from "../keptUnits.js";
import { scenarioHash } from "../../sim/scenario/scenarioHash.js";
import { interruptSignal } from "../interruptSignal.js";
import { OUTPUT_MANIFEST, outputManifest } from "../outputManifest.js";
import { intFlag, parseArgs, seedFlag, type FlagSpec } from "../parseArgs.js";
import { readScenarioFile, scenarioOverrides } from "../readScenarioFile.js";
import { ReplicationRunner } from "../ReplicationRunner.js";
import { precisionTarget, runComparison, withDistrictWarnings, type Comparison } from "../runComparison.js";
import { mapReportingAll, UserError } from "../UserError.js";
import { defaultWorkers } from "../WorkerPool.js";
import { writeFilesAtomic } from "../writeFileAtomic.js";

export const COMPARE_FLAGS = {
  seed: "string",
  replications: "string",
  precision: "string",
  "max-replications": "string",
  days: "string",
  set: "list",
  workers: "string",
  json: "boolean",
  out: "string",
  resume: "boolean",
} satisfies FlagSpec;

export const COMPARE_USAGE = `gridgov compare <baseline.json> <other.json> [more.json ...] [--seed N] [--replications N] [--precision measure=2%] [--max-replications N] [--days N] [--set path=value ...] [--workers N] [--json] [--out DIR [--resume]]
      compares each scenario with the first (--set changes every one of them); --out DIR is a directory: writes DIR/comparison.json and DIR/manifest.json; --resume continues an interrupted comparison from DIR/comparison.partial.json`;

/**
 * `gridgov compare`: runs every scenario with common random numbers (same seed, so
 * replication k of each faces the same incidents) and reports, against the first, the
 * paired difference of each measure with its 95 % interval.
 */
export async function compareCommand(argv: readonly string[]): Promise<number> {
  const { positional, flags } = parseArgs(argv, COMPARE_FLAGS, "compare");
  if (positional.length < 2) throw new UserError(`usage: ${COMPARE_USAGE}`);
  const seed = seedFlag(flags);
  const replications = intFlag(flags, "replications", 30, 2, 100000);
  const workers = intFlag(flags, "workers", defaultWorkers(), 1, 256);
  const overrides = scenarioOverrides(flags);
  // Validate every file before running anything.
  const files = withDistrictWarnings(mapReportingAll(positional, (file) => readScenarioFile(file, overrides)));
  for (const { scenario, warnings, fileWarnings } of files) for (const w of [...fileWarnings, ...warnings]) process.stderr.write(`warning: ${scenario.name}: ${w}\n`);
  const precision = flags.precision !== undefined ? precisionTarget(flags.precision as string) : null;
  const maxReplications = intFlag(flags, "max-replications", 200, replications, 100000);
  const out = flags.out as string | undefined;
  if (flags.resume && out === undefined) throw new UserError("--resume needs --out DIR: the directory where the interrupted comparison kept comparison.partial.json");
  // Checked before anything runs: the kept units must be this comparison's.
  const design = { hashes: files.map((f) => scenarioHash(f.scenario)), seed, replications, precision: precision?.spec ?? null, maxReplications };
  const earlier = flags.resume ? readComparisonPartial(out!, design) : null;
  if (earlier) process.stderr.write(`resuming: ${earlier.completed.length} units done, from ${join(out!, COMPARISON_PARTIAL)}\n`);
  else if (out !== undefined) refuseToReplaceKept(join(out, COMPARISON_PARTIAL), "comparison");
  if (out !== undefined) {
    checkOutputDirectory(out, "comparison.json");
    checkOutputFiles(["comparison.json", OUTPUT_MANIFEST, COMPARISON_PARTIAL].map((f) => join(out, f)));
  }
  const startedAt = new Date();
  const made = { kind: "comparison" as const, scenarios: files.map((f) => f.scenario), seed, replications, precision: design.precision, maxReplications, command: ["gridgov", "compare", ...argv], startedAt, resumed: earlier?.runs };
  // One pool of worker threads for every round.
  const runner = new ReplicationRunner(workers);
  const stop = interruptSignal();
  let comparison: Comparison;
  try {
    const done = earlier?.completed.map((u) => ({ scenario: u.point, replication: u.replication, result: u.result }));
    comparison = await runComparison(
      runner,
      files,
      { seed, replications, precision, maxReplications },
      stop.signal,
      (e, completed) => {
        if (out === undefined) return;
        e.keepIn(join(out, COMPARISON_PARTIAL), { manifest: outputManifest(made, {}), completed });
        e.message += "; add --resume to the same command to continue";
      },
      done,
    );
  } finally {
    stop.dispose();
    await runner.close();
  }
  const { runs, comparisons, json } = comparison;
  // What the runs themselves found (many incidents open at the end, replications cut short).
  runs.forEach((r, k) => {
    for (const w of r.warnings.slice(files[k].warnings.length)) process.stderr.write(`warning: ${r.scenario.name}: ${w}\n`);
  });
  const reached = comparison.precision;
  if (reached) {
    process.stderr.write(
      reached.reached
        ? `precision reached: ${reached.measure} within ±${(reached.relativeHalfWidth * 100).toFixed(1)} % after ${reached.replications} replications\n`
        : `precision NOT reached: stopped at the cap of ${reached.replications} replications (--max-replications)\n`,
    );
  }
  if (out !== undefined) {
    const manifest = outputManifest(made, { "comparison.json": json });
    const targets = ["comparison.json", OUTPUT_MANIFEST].map((f) => join(out, f));
    const replacing = existsSync(targets[0]);
    writeFilesAtomic([{ file: targets[0], text: json }, { file: targets[1], text: JSON.stringify(manifest, null, 2) + "\n" }]);
    process.stderr.write(`wrote ${targets.join(", ")}${replacing ? " (replacing the comparison that was there)" : ""}\n`);
    // Its units are in the comparison now.
    if (earlier) rmSync(join(out, COMPARISON_PARTIAL), { force: true });
  }
  process.stdout.write(flags.json ? json : formatComparison(runs, comparisons));
  return 0;
}

/**
 * A figure at the table's precision for its unit; a value that rounds to zero prints without
 * a minus sign. With `difference`, a difference of shares is in percentage points ("8.3 pp"),
 * which "8.3 %" would pass off as a relative change.
 */
const fmt = (raw: number | null, unit: string, difference = false) => {
  if (raw === null) return "–";
  const text =
    unit === "share" ? `${(raw * 100).toFixed(1)} ${difference ? "pp" : "%"}` : unit === "CNY" ? (Math.abs(raw) >= 1e5 ? `${(raw / 1e6).toFixed(2)} M` : raw.toFixed(0)) : raw.toFixed(unit === "min" ? 1 : 2);
  return text.replace(/^-(?=[0.]+(?:\s|$))/, "");
};

/**
 * A measure's label in the table. A percentile here is the mean over replications of each
 * replication's percentile — not the pooled percentile `gridgov run` shows — and says so.
 */
const tableLabel = (m: MeasureComparison) => (/\.p\d+$/.test(m.measure) ? `${m.label} (mean of replications)` : m.label);

/** The measures `compare` also states in words: what a reform does to response, to workers' hours and to cost. */
const IN_WORDS = ["responseTime.mean", "workerUtilization", "overtimeHoursPerWeek", "costPerYear"];

/**
 * What a scenario does to one measure, in words: "cuts mean response time by 108.8 min
 * (95% CI 60.1–157.4 min)", "raises staff cost per year by 7.96 M CNY (95% CI 7.90 M–8.02 M
 * CNY)", or "makes no clear difference to overtime per worker (-0.10 h/week, 95% CI -0.30 to
 * 0.10 h/week: with 5 replications it cannot be told apart from chance)". Nothing without an
 * interval.
 */
function inWords(m: MeasureComparison, replications: number): string[] {
  const d = m.difference;
  if (d.mean === null || !d.ci95) return [];
  const share = m.unit === "share";
  const unit = share ? " percentage points" : m.unit === "CNY" ? " CNY" : ` ${m.unit}`;
  const f = (x: number) => (share ? (x * 100).toFixed(1).replace(/^-(?=[0.]+$)/, "") : fmt(x, m.unit, true));
  if (!d.significant) {
    return [`makes no clear difference to ${m.label} (${f(d.mean)}${unit}, 95% CI ${f(d.ci95[0])} to ${f(d.ci95[1])}${unit}: with ${replications} replications it cannot be told apart from chance)`];
  }
  const [lo, hi] = d.mean < 0 ? [-d.ci95[1], -d.ci95[0]] : [d.ci95[0], d.ci95[1]];
  return [`${d.mean < 0 ? "cuts" : "raises"} ${m.label} by ${f(Math.abs(d.mean))}${unit} (95% CI ${f(lo)}–${f(hi)}${unit})`];
}

function formatComparison(runs: RunResult[], comparisons: MeasureComparison[][]): string {
  const base = runs[0];
  const out: string[] = [
    `Compared with "${base.scenario.name}" — ${base.replications} replications × ${base.scenario.days} days, seed ${base.seed}, common random numbers`,
    "",
  ];
  comparisons.forEach((measures, k) => {
    const r = runs[k + 1];
    out.push(`${r.scenario.name}`);
    const rows = [["measure", "unit", "baseline", "this", "difference", "95% CI", "CRN narrowing"]];
    for (const m of measures) {
      const d = m.difference;
      rows.push([
        tableLabel(m),
        m.unit === "share" ? "%" : m.unit,
        fmt(m.baseline, m.unit),
        fmt(m.value, m.unit),
        `${fmt(d.mean, m.unit, true)}${d.significant ? " *" : ""}`,
        d.ci95 ? `${fmt(d.ci95[0], m.unit, true)} – ${fmt(d.ci95[1], m.unit, true)}` : "–",
        m.narrowing !== null ? `${m.narrowing.toFixed(1)}×` : "–",
      ]);
    }
    const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
    rows.forEach((row, j) => {
      out.push(row.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "));
      if (j === 0) out.push(widths.map((w) => "-".repeat(w)).join("  "));
    });
    const words = IN_WORDS.map((name) => measures.find((m) => m.measure === name)).flatMap((m) => (m ? inWords(m, base.replications) : []));
    if (words.length) out.push(`In words, ${r.scenario.name}:`, ...words.map((w) => `  - ${w}`));
    out.push("");
  });
  out.push(
    "difference = this − baseline, paired by replication (pp = percentage points); * = the 95% interval excludes 0.",
    "percentiles = the mean of each replication's percentile (gridgov run's p90 pools the incidents of all replications).",
    "CRN narrowing = how many times wider the interval would be with independent seeds (Welch, from the same replications' variances).",
  );
  return out.join("\n") + "\n";
}
