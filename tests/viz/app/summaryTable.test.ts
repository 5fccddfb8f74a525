// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { formatEstimate } from "../../../viz/charts/format.js";
import { forestPlot } from "../../../viz/charts/forestPlot.js";
import { summaryTable } from "../../../viz/app/summaryTable.js";
import { fixture } from "../charts/fixtures.js";

describe("the two p90s of the results", () => {
  it("the summary table's p90 pools every incident and says so; the differences' p90 is the replications' mean and says so", () => {
    const { runs, comparisons } = fixture();
    const table = summaryTable(runs);
    const headers = Array.from(table.querySelectorAll("thead th"), (th) => th.textContent);
    const column = headers.indexOf("p90 response, all incidents pooled (min)");
    expect(column).toBeGreaterThan(0);
    const baselineRow = table.querySelectorAll("tbody tr")[0];
    const pooled = runs[0].result.metrics.responseTime.p90;
    expect(baselineRow.children[column].textContent).toBe(formatEstimate(pooled, null));
    // The caption is a paragraph above the scrolling box that names the table (a <caption> would be as wide as the table).
    const labelledBy = table.querySelector("table")!.getAttribute("aria-labelledby")!;
    const caption = table.querySelector(`#${labelledBy}`)!;
    expect(caption.closest(".table-wrap")).toBeNull();
    expect(caption.textContent).toMatch(/p90 pools every incident of every replication \(the differences from the baseline use the mean of each replication's own p90/);

    const p90 = comparisons[0].find((c) => c.measure === "responseTime.p90")!;
    const perReplication = runs[0].result.perReplication.map((r) => r.metrics.responseTime.p90);
    expect(p90.baseline).toBeCloseTo(perReplication.reduce((a, b) => a + b, 0) / perReplication.length, 9);
    expect(p90.baseline).not.toBe(pooled);
    const figure = forestPlot(runs, comparisons, { measures: ["responseTime.mean", "responseTime.p90"] });
    const titles = Array.from(figure.querySelectorAll("g.gridgov-measure .gridgov-panel-title"), (t) => t.textContent);
    expect(titles).toEqual(["Mean response time (minutes) · lower is better", "90th percentile response time, mean over replications (minutes) · lower is better"]);
    expect(figure.querySelector("figcaption")?.textContent).toContain("A percentile here is each replication's own, averaged over the replications");
    expect(forestPlot(runs, comparisons, { measures: ["responseTime.mean"] }).querySelector("figcaption")?.textContent).not.toContain("percentile");
  });
});
