/** Attributes and properties for {@link el}; `on*` functions become event listeners. */
export type Props = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

/**
 * Creates an element. Strings among the children become text nodes (never HTML),
 * which is how untrusted names from files and links reach the page.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Array<Node | string | null | undefined | false>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") node.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === "className") node.className = String(value);
    else if (key === "value" && "value" in node) (node as HTMLInputElement).value = String(value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

/** Replaces the children of `parent`. */
export function replace(parent: Element, ...children: Array<Node | string | null | undefined | false>): void {
  parent.replaceChildren(...children.filter((c): c is Node | string => c !== null && c !== undefined && c !== false));
}

/** Offers `data` as a file download named `name`. */
export function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Waits for the next animation frame (lets the page paint between pieces of work). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}
