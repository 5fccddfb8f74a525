import { existsSync } from "node:fs";
import { join } from "node:path";
import { COMPARED_MEASURES, compareRuns, type ComparedMeasure, type MeasureComparison } from "../../sim/experiments/compareRuns.js";
import { districtDifference } from "../../sim/experiments/districtDifference.js";
import { combineReplications, type RunResult } from "../../sim/experiments/runScenario.js";
import type { ReplicationResult } from "../../sim/metrics/ReplicationCollector.js";
import { meanInterval } from "../../sim/metrics/studentT.js";
import { intFlag, parseArgs, seedFlag, type FlagSpec } from "../parseArgs.js";
import { progressReporter } from "../progressReporter.js";
import { readScenarioFile, scenarioOverrides } from "../readScenarioFile.js";
import { ReplicationRunner } from "../ReplicationRunner.js";
import { interruptSignal } from "../interruptSignal.js";
import { InterruptedRunError, runReplicationsOfEach } from "../runScenarioOn.js";
import { mapReportingAll, UserError } from "../UserError.js";
import { checkOutputFiles, checkOutputDirectory } from "../checkOutputFiles.js";
import { defaultWorkers } from "../WorkerPool.js";
import { writeFileAtomic } from "../writeFileAtomic.js";

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
} satisfies FlagSpec;

export const COMPARE_USAGE = `gridgov compare <baseline.json> <other.json> [more.json ...] [--seed N] [--replications N] [--precision measure=2%] [--max-replications N] [--days N] [--set path=value ...] [--workers N] [--json] [--out DIR]
      compares each scenario with the first (--set changes every one of them); --out DIR is a directory: writes DIR/comparison.json`;

/** Parses `--precision responseTime.mean=2%`: every scenario's 95 % half-width within 2 % of its mean. */
function precisionTarget(spec: string): { measure: ComparedMeasure; relative: number; reached: (runs: RunResult[]) => boolean } {
  const m = /^([\w.]+)=([\d.]+)%$/.exec(spec);
  const measure = m && COMPARED_MEASURES.find((x) => x.name === m[1]);
  if (!m || !measure || !(Number(m[2]) > 0)) {
    throw new UserError(`--precision: expected <measure>=<percent>% with a measure among ${COMPARED_MEASURES.map((x) => x.name).join(", ")}, found "${spec}"`);
  }
  const relative = Number(m[2]) / 100;
  return {
    measure,
    relative,
    reached: (runs) =>
      runs.every((r) => {
        const v = r.perReplication.map(measure.value).filter((x): x is number => x !== null && Number.isFinite(x));
        if (v.length < 2) return false;
        const iv = meanInterval(v);
        return (iv.ci95[1] - iv.ci95[0]) / 2 <= relative * Math.abs(iv.mean);
      }),
  };
}

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
  const files = mapReportingAll(positional, (file) => readScenarioFile(file, overrides)).map((f, k, all) => {
    // A scenario of another district than the baseline's: its differences are not the rules' alone.
    const other = k > 0 ? districtDifference(all[0].scenario, f.scenario) : null;
    return other ? { ...f, warnings: [...f.warnings, other] } : f;
  });
  for (const { scenario, warnings, fileWarnings } of files) for (const w of [...fileWarnings, ...warnings]) process.stderr.write(`warning: ${scenario.name}: ${w}\n`);
  const precision = flags.precision !== undefined ? precisionTarget(flags.precision as string) : null;
  const cap = intFlag(flags, "max-replications", 200, replications, 100000);
  if (flags.out !== undefined) {
    checkOutputDirectory(flags.out as string, "comparison.json");
    checkOutputFiles(["comparison.json", "comparison.partial.json"].map((f) => join(flags.out as string, f)));
  }
  // Every scenario runs the same replications (0 … n − 1); with --precision, batches are added
  // to all of them until each scenario's interval of the chosen measure is narrow enough.
  const results = files.map(() => [] as ReplicationResult[]);
  let n = 0;
  let target = replications;
  let runs: RunResult[];
  // One pool of worker threads for every round; each round runs all scenarios' new replications as one batch.
  const runner = new ReplicationRunner(workers);
  const stop = interruptSignal();
  try {
    for (;;) {
      const progress = progressReporter(`${files.length} scenarios: run`);
      let batch: ReplicationResult[][];
      try {
        batch = await runReplicationsOfEach(runner, files.map((f) => f.scenario), seed, n, target, progress.update, stop.signal);
      } catch (e) {
        if (e instanceof InterruptedRunError && flags.out !== undefined) {
          // Earlier rounds whole, this one as far as it got.
          const unit = (scenario: number, result: ReplicationResult) => ({ scenario, replication: result.replication, result });
          const completed = [...results.flatMap((done, k) => done.map((r) => unit(k, r))), ...e.completed.map((r, i) => unit(e.completedScenarios[i], r))];
          e.keepIn(join(flags.out as string, "comparison.partial.json"), { seed, scenarios: files.map((f) => f.scenario.name), completed });
        }
        throw e;
      }
      progress.done();
      batch.forEach((r, k) => results[k].push(...r));
      n = target;
      runs = files.map(({ scenario, warnings }, k) => combineReplications(scenario, seed, results[k], warnings));
      if (!precision || precision.reached(runs) || n >= cap) break;
      target = Math.min(cap, n + replications);
    }
  } finally {
    stop.dispose();
    await runner.close();
  }
  // What the runs themselves found (many incidents open at the end, replications cut short).
  runs.forEach((r, k) => {
    for (const w of r.warnings.slice(files[k].warnings.length)) process.stderr.write(`warning: ${r.scenario.name}: ${w}\n`);
  });
  const precisionReport = precision
    ? { measure: precision.measure.name, relativeHalfWidth: precision.relative, replications: n, reached: precision.reached(runs) }
    : null;
  if (precisionReport) {
    process.stderr.write(
      precisionReport.reached
        ? `precision reached: ${precision!.measure.name} within ±${(precision!.relative * 100).toFixed(1)} % after ${n} replications\n`
        : `precision NOT reached: stopped at the cap of ${n} replications (--max-replications)\n`,
    );
  }
  const comparisons = compareRuns(runs);
  const output = {
    seed,
    replications: n,
    precision: precisionReport,
    baseline: runs[0].scenario,
    scenarios: runs.slice(1).map((r, k) => ({ scenario: r.scenario, against: runs[0].scenario.name, measures: comparisons[k] })),
    runs,
  };
  const json = JSON.stringify(output, null, 2) + "\n";
  if (flags.out !== undefined) {
    const target = join(flags.out as string, "comparison.json");
    const replacing = existsSync(target);
    writeFileAtomic(target, json);
    process.stderr.write(`wrote ${target}${replacing ? " (replacing the comparison that was there)" : ""}\n`);
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
    const resp = measures.find((m) => m.measure === "responseTime.mean");
    if (resp?.difference.mean !== null && resp?.difference.ci95) {
      const d = resp.difference;
      const verb = d.mean! < 0 ? "cuts" : "raises";
      const lo = Math.abs(d.ci95![d.mean! < 0 ? 1 : 0]);
      const hi = Math.abs(d.ci95![d.mean! < 0 ? 0 : 1]);
      out.push(
        d.significant
          ? `In words: ${r.scenario.name} ${verb} mean response time by ${Math.abs(d.mean!).toFixed(0)} min (95% CI ${lo.toFixed(0)}–${hi.toFixed(0)}).`
          : `In words: the change in mean response time (${d.mean!.toFixed(0)} min) cannot be told apart from chance with ${base.replications} replications.`,
      );
    }
    out.push("");
  });
  out.push(
    "difference = this − baseline, paired by replication (pp = percentage points); * = the 95% interval excludes 0.",
    "percentiles = the mean of each replication's percentile (gridgov run's p90 pools the incidents of all replications).",
    "CRN narrowing = how many times wider the interval would be with independent seeds (Welch, from the same replications' variances).",
  );
  return out.join("\n") + "\n";
}
