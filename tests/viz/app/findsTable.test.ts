// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { findsTable } from "../../../viz/app/findsTable.js";
import { fixture } from "../charts/fixtures.js";

describe("findsTable", () => {
  it("gives each finder's share of the incidents found, per scenario, with counts per replication, unfound and volunteer fixes", () => {
    const { runs } = fixture();
    const table = findsTable(runs);
    const headers = Array.from(table.querySelectorAll("thead th"), (th) => th.textContent);
    expect(headers).toEqual(["Scenario", "Residents' reports", "Workers on patrol", "Volunteers", "At once (discovery off)", "Not yet found", "Fixed by volunteers"]);
    const rows = table.querySelectorAll("tbody tr");
    expect(rows.length).toBe(runs.length);
    runs.forEach((run, k) => {
      const { foundBy, fixedByVolunteers } = run.result.metrics.incidents;
      const reps = run.replications.length;
      const found = foundBy.resident + foundBy.patrol + foundBy.volunteer + foundBy.instantly;
      const cells = Array.from(rows[k].querySelectorAll("td"), (td) => td.textContent);
      const shares = cells.slice(0, 4).map((c) => Number(c!.split(" %")[0]));
      // The shares are of the incidents found, so they add up to 100 % (to the rounding).
      expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(0.3);
      expect(shares[0]).toBeCloseTo((100 * foundBy.resident) / found, 1);
      expect(cells[0]).toContain(`(${new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 }).format(foundBy.resident / reps)})`);
      expect(Number(cells[4]!.replace(/,/g, ""))).toBeCloseTo(foundBy.nobody / reps, 1);
      expect(Number(cells[5]!.replace(/,/g, ""))).toBeCloseTo(fixedByVolunteers / reps, 1);
      expect(rows[k].querySelector("th")!.textContent).toContain(run.name);
    });
    // Named by its caption, above the box that scrolls.
    expect(table.querySelector(`#${table.querySelector("table")!.getAttribute("aria-labelledby")}`)?.textContent).toMatch(/^Who found the incidents/);
  });
});
