import { join } from "node:path";
import { compareRuns, type MeasureComparison } from "../../sim/experiments/compareRuns.js";
import type { RunResult } from "../../sim/experiments/runScenario.js";
import { intFlag, parseArgs } from "../parseArgs.js";
import { progressReporter } from "../progressReporter.js";
import { readScenarioFile } from "../readScenarioFile.js";
import { runScenarioOn } from "../runScenarioOn.js";
import { UserError } from "../UserError.js";
import { defaultWorkers } from "../WorkerPool.js";
import { writeFileAtomic } from "../writeFileAtomic.js";

export const COMPARE_USAGE = `gridgov compare <baseline.json> <other.json> [more.json ...] [--seed N] [--replications N] [--days N] [--workers N] [--json] [--out dir/]`;

/**
 * `gridgov compare`: runs every scenario with common random numbers (same seed, so
 * replication k of each faces the same incidents) and reports, against the first, the
 * paired difference of each measure with its 95 % interval.
 */
export async function compareCommand(argv: readonly string[]): Promise<number> {
  const { positional, flags } = parseArgs(
    argv,
    { seed: "string", replications: "string", days: "string", workers: "string", json: "boolean", out: "string" },
    "compare",
  );
  if (positional.length < 2) throw new UserError(`usage: ${COMPARE_USAGE}`);
  const seedText = (flags.seed as string | undefined) ?? "1";
  const seed = /^\d+$/.test(seedText) && Number.isSafeInteger(Number(seedText)) ? Number(seedText) : seedText;
  const replications = intFlag(flags, "replications", 30, 2, 100000);
  const workers = intFlag(flags, "workers", defaultWorkers(), 1, 256);
  const overrides = flags.days !== undefined ? [`run.days=${flags.days}`] : [];
  // Validate every file before running anything.
  const files = positional.map((file) => readScenarioFile(file, overrides));
  const runs: RunResult[] = [];
  for (const { scenario, warnings } of files) {
    for (const w of warnings) process.stderr.write(`warning: ${scenario.name}: ${w}\n`);
    const progress = progressReporter(`${scenario.name}: replication`);
    runs.push(await runScenarioOn(workers, scenario, { seed, replications, onProgress: progress.update }, warnings));
    progress.done();
  }
  const comparisons = compareRuns(runs);
  const output = {
    seed,
    replications,
    baseline: runs[0].scenario,
    scenarios: runs.slice(1).map((r, k) => ({ scenario: r.scenario, against: runs[0].scenario.name, measures: comparisons[k] })),
    runs,
  };
  const json = JSON.stringify(output, null, 2) + "\n";
  if (flags.out !== undefined) writeFileAtomic(join(flags.out as string, "comparison.json"), json);
  process.stdout.write(flags.json ? json : formatComparison(runs, comparisons));
  return 0;
}

const fmt = (raw: number | null, unit: string) => {
  if (raw === null) return "–";
  const v = Math.abs(raw) < 0.005 ? 0 : raw;
  if (unit === "share") return `${(v * 100).toFixed(1)} %`;
  if (unit === "CNY") return Math.abs(v) >= 1e5 ? `${(v / 1e6).toFixed(2)} M` : v.toFixed(0);
  return v.toFixed(unit === "min" ? 1 : 2);
};

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
        m.label,
        m.unit === "share" ? "%" : m.unit,
        fmt(m.baseline, m.unit),
        fmt(m.value, m.unit),
        `${fmt(d.mean, m.unit)}${d.significant ? " *" : ""}`,
        d.ci95 ? `${fmt(d.ci95[0], m.unit)} – ${fmt(d.ci95[1], m.unit)}` : "–",
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
    "difference = this − baseline, paired by replication; * = the 95% interval excludes 0.",
    "CRN narrowing = how many times wider the interval would be with independent seeds (Welch, from the same replications' variances).",
  );
  return out.join("\n") + "\n";
}
