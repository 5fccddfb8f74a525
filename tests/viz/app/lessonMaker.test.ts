import { describe, expect, it } from "vitest";
import { lessonSpec } from "../../../viz/app/lessonMaker.js";

describe("a lesson described by a teacher", () => {
  it("keeps the title, question and the fields or sections students may change, without repeats", () => {
    const spec = lessonSpec("  Grid size ", "What happens?", "grids.householdsPerGrid, staffing  grids.householdsPerGrid");
    expect(spec).toEqual({ ok: true, lesson: { title: "Grid size", question: "What happens?", editable: ["grids.householdsPerGrid", "staffing"] } });
    expect(lessonSpec("T", "Q", "")).toEqual({ ok: true, lesson: { title: "T", question: "Q", editable: [] } });
  });

  it("says what is missing or wrong", () => {
    expect(lessonSpec("", "Q", "")).toMatchObject({ ok: false, error: expect.stringMatching(/^Title: /) });
    expect(lessonSpec("T", " ", "")).toMatchObject({ ok: false, error: expect.stringMatching(/^Question: /) });
    expect(lessonSpec("T", "Q", "grids.housholdsPerGrid")).toMatchObject({ ok: false, error: expect.stringContaining("“grids.housholdsPerGrid” is not a scenario field") });
    expect(lessonSpec("x".repeat(201), "Q", "")).toMatchObject({ ok: false, error: expect.stringContaining("at most 200") });
  });
});
