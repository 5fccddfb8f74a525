import { el } from "./el.js";

/**
 * A table in a box that scrolls sideways on a narrow screen, with its caption above the
 * box as a paragraph that names the table (`aria-labelledby`): a `<caption>` is as wide
 * as its table, so on a phone most of it would sit outside the box.
 */
export function scrollTable(id: string, caption: string, regionLabel: string, ...rows: HTMLElement[]): HTMLElement {
  const captionId = `${id}-caption`;
  return el(
    "div",
    { className: "scroll-table" },
    el("p", { id: captionId, className: "status table-caption" }, caption),
    el("div", { className: "table-wrap", tabindex: 0, role: "region", "aria-label": `${regionLabel} (scrolls sideways)` }, el("table", { id, "aria-labelledby": captionId }, ...rows)),
  );
}
