const SVG_NS = "http://www.w3.org/2000/svg";

/**
 * The chart's `<svg>` (found inside `figure`, or `figure` itself) as a standalone SVG
 * file: an XML declaration, then the svg with its namespace declared. Styling lives in
 * attributes, and patterns and gradients in the svg's own `<defs>`, so the file looks
 * like the chart on the page. Uses the document's `XMLSerializer` (browser or jsdom).
 */
export function svgToString(figure: Element): string {
  const svg = figure.localName === "svg" ? figure : figure.querySelector("svg");
  if (!svg) throw new Error("svgToString: no <svg> in the element");
  const view = svg.ownerDocument.defaultView as (Window & typeof globalThis) | null;
  const Serializer = view?.XMLSerializer ?? globalThis.XMLSerializer;
  let text = new Serializer().serializeToString(svg);
  // Serializers declare the namespace of an SVG element taken from an HTML page; make sure.
  if (!/^<svg[^>]*\sxmlns="/.test(text)) text = text.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`;
}

/** The chart's svg as a `data:` URL (for an `<a download>` link or an `<img>`). */
export function svgDataUrl(figure: Element): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgToString(figure))}`;
}
