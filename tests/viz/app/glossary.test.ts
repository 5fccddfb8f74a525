// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { INCIDENT_REPORTERS } from "../../../sim/metrics/incidentReporters.js";
import { glossary } from "../../../viz/app/glossary.js";

describe("glossary", () => {
  it("explains, folded away, the statistical terms and every time measure the results use", () => {
    const g = glossary();
    expect(g.tagName).toBe("DETAILS");
    expect(g.hasAttribute("open")).toBe(false);
    const terms = Array.from(g.querySelectorAll("dt"), (dt) => dt.textContent!.toLowerCase());
    for (const t of ["replication", "seed", "95 % interval (ci)", "p90 (90th percentile)", "worker utilisation", "workload gini"]) expect(terms).toContain(t);
    for (const r of INCIDENT_REPORTERS) expect(terms).toContain(r.label);
    // Each term has its meaning right after it.
    expect(g.querySelectorAll("dd").length).toBe(terms.length);
    for (const dd of g.querySelectorAll("dd")) expect(dd.textContent!.length).toBeGreaterThan(20);
  });
});
