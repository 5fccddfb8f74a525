import { svgToString } from "../charts/exportSvg.js";
import { download, el } from "./el.js";

/** Renders an SVG document to a PNG blob at `scale` × its size. */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    img.decoding = "async";
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext("2d")!;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** A chart in a card with buttons to save it as SVG or PNG (files named `<name>.svg/.png`). */
export function chartCard(id: string, figure: HTMLElement, name: string): HTMLElement {
  const svg = () => figure.querySelector("svg");
  const title = figure.querySelector("svg title, figcaption")?.textContent ?? name;
  const saveSvg = () => {
    const s = svg();
    if (s) download(`${name}.svg`, svgToString(figure), "image/svg+xml");
  };
  const savePng = async () => {
    const s = svg();
    if (!s) return;
    const box = s.viewBox.baseVal;
    const width = box && box.width ? box.width : s.clientWidth;
    const height = box && box.height ? box.height : s.clientHeight;
    download(`${name}.png`, await svgToPng(svgToString(figure), width, height), "image/png");
  };
  return el(
    "div",
    { className: "chart-card", id, "data-chart": name },
    // Shown on a phone only (style.css), where the chart keeps its size and the card scrolls.
    el("p", { className: "scroll-hint status", "aria-hidden": "true" }, "Wider than the screen: scroll sideways to see it all →"),
    figure,
    el(
      "div",
      { className: "chart-tools" },
      el("button", { type: "button", onclick: saveSvg, "aria-label": `Save “${title.slice(0, 60)}” as SVG` }, "SVG"),
      el("button", { type: "button", onclick: () => void savePng(), "aria-label": `Save “${title.slice(0, 60)}” as PNG` }, "PNG"),
    ),
  );
}
