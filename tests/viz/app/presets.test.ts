import { describe, expect, it } from "vitest";
import { PRESETS, presetGroups } from "../../../viz/app/presets.js";

describe("the scenario library", () => {
  it("groups the shipped scenarios by district: District J's baseline with its reforms, the teaching district apart", () => {
    const groups = presetGroups();
    expect(groups.flatMap((g) => g.ids).sort()).toEqual(Object.keys(PRESETS).sort());
    const j = groups.find((g) => g.ids.includes("district-j-baseline"))!;
    expect(j.ids[0]).toBe("district-j-baseline");
    expect(j.label).toBe("District J (illustrative) — baseline");
    for (const id of Object.keys(PRESETS).filter((k) => k.startsWith("reform-") || k === "before-reform")) expect(j.ids).toContain(id);
    expect(groups.find((g) => g.ids.includes("teaching-small"))!.ids).toEqual(["teaching-small"]);
  });
});
