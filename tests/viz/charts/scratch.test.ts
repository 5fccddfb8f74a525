// @vitest-environment jsdom
import { test } from "vitest";
import { writeFileSync } from "node:fs";
import { fixture, teachingScenario } from "./fixtures.js";
import * as c from "../../../viz/charts/index.js";
import { buildLayout } from "../../../sim/model/Layout.js";
test("scratch", () => {
  const t = performance.now();
  const { runs, comparisons } = fixture();
  console.log("fixture ms", performance.now() - t);
  const three = [...runs, { ...runs[1], name: "<img src=x onerror=alert(1)>", index: 2, color: c.scenarioColor(2) }];
  const figs: Record<string, HTMLElement> = {
    dist: c.distributionChart(runs, { metric: "responseTime" }),
    distlin: c.distributionChart(runs, { metric: "resolutionTime", scale: "linear" }),
    forest: c.forestPlot(runs, comparisons),
    work: c.workloadChart(three),
    ts: c.timeSeriesChart(runs, { series: "backlogHourly" }),
    sat: c.timeSeriesChart(runs, { series: "satisfactionDaily" }),
    map: c.districtMap(buildLayout(teachingScenario("x")), c.gridValues(runs[0], "meanResponse").map((v, g) => (g === 3 ? null : v)), { label: "Mean response time", unit: "min", replications: 3, scenario: runs[0] }),
    heat: c.sweepHeatmap(
      [200, 400, 800].flatMap((x) => [0.5, 1, 2, 3].map((y) => ({ x, y, value: x === 800 && y === 3 ? null : (x / 10) / y, ci95: [(x / 10) / y - 5, (x / 10) / y + 5] as [number, number], cost: y * 1e6 * (400 / x) }))),
      { xLabel: "Households per grid", yLabel: "Workers per grid", metric: "Mean response time", unit: "min", target: 30, replications: 5 },
    ),
  };
  for (const [k, f] of Object.entries(figs)) {
    writeFileSync(`/tmp/vz/${k}.svg`, c.svgToString(f));
    writeFileSync(`/tmp/vz/${k}.html`, f.outerHTML);
  }
});
