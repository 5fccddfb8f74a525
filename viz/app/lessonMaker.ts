import { formFields } from "../form/formFields.js";
import { matchesPath } from "../form/matchesPath.js";
import type { Lesson } from "../share/index.js";
import { el } from "./el.js";

/**
 * The lesson a teacher describes: a title, a question, and the fields students may
 * change, each a field path or a whole section; or what is wrong with it.
 */
export function lessonSpec(title: string, question: string, editableText: string): { ok: true; lesson: Lesson } | { ok: false; error: string } {
  const t = title.trim();
  const q = question.trim();
  if (!t) return { ok: false, error: "Title: expected a short title for the lesson, found nothing" };
  if (t.length > 200) return { ok: false, error: `Title: expected at most 200 characters, found ${t.length}` };
  if (!q) return { ok: false, error: "Question: expected the question students answer, found nothing" };
  if (q.length > 2000) return { ok: false, error: `Question: expected at most 2000 characters, found ${q.length}` };
  const editable = editableText
    .split(/[,\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const paths = formFields().map((f) => f.path);
  const unknown = editable.find((e) => !paths.some((p) => matchesPath(p, e)));
  if (unknown !== undefined) return { ok: false, error: `Fields students may change: “${unknown}” is not a scenario field or section (see the field names in the editor)` };
  return { ok: true, lesson: { title: t, question: q, editable: [...new Set(editable)] } };
}

/**
 * The teachers' panel: describe a lesson and make a link that opens the page with the
 * current scenarios, asks for a prediction first and locks every other field.
 * `suggest` gives the fields to offer as editable (those changed from the presets).
 */
export function lessonMaker(make: (lesson: Lesson) => void, suggest: () => string[]): HTMLElement {
  const title = el("input", { id: "lesson-make-title", type: "text", maxlength: 200 });
  const question = el("textarea", { id: "lesson-make-question", rows: 3, maxlength: 2000 });
  const editable = el("input", { id: "lesson-make-editable", type: "text", "aria-describedby": "lesson-make-help" });
  const error = el("p", { id: "lesson-make-error", className: "error", role: "alert" });
  const details = el(
    "details",
    { id: "lesson-maker" },
    el("summary", {}, "Make a lesson link (for teachers)"),
    el("p", { className: "status" }, "The link opens these scenarios with your question, asks students for a prediction before they can run, and locks every field except those you list."),
    el("label", { for: "lesson-make-title" }, "Lesson title"),
    title,
    el("label", { for: "lesson-make-question" }, "Question for students"),
    question,
    el("label", { for: "lesson-make-editable" }, "Fields students may change"),
    editable,
    el("p", { id: "lesson-make-help", className: "status" }, "Field paths or sections, separated by commas, e.g. grids.householdsPerGrid, staffing. Leave empty to lock everything."),
    el(
      "button",
      {
        id: "lesson-make",
        type: "button",
        onclick: () => {
          const spec = lessonSpec(title.value, question.value, editable.value);
          error.textContent = spec.ok ? "" : spec.error;
          if (spec.ok) make(spec.lesson);
        },
      },
      "Make lesson link",
    ),
    error,
  );
  details.addEventListener("toggle", () => {
    if (details.open && editable.value === "") editable.value = suggest().join(", ");
  });
  return details;
}
