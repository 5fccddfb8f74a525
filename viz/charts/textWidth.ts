/** Character classes and their widths (em; normal, bold), from DejaVu Sans, rounded up. */
const CLASSES: ReadonlyArray<[RegExp, number, number]> = [
  [/[0-9]/, 0.64, 0.7],
  [/[ ,.:;]/, 0.32, 0.38],
  [/[()[\]]/, 0.39, 0.46],
  [/[ijlIJ'|!]/, 0.29, 0.37],
  [/[frt-]/, 0.41, 0.49],
  [/[mwMW%−]/, 1, 1.1],
  [/[a-z]/, 0.63, 0.72],
  [/[A-Z]/, 0.79, 0.85],
];

/**
 * The width (px) `text` needs in the charts' sans-serif font at `fontSize` px, estimated
 * from the widths of DejaVu Sans — the widest of the common system fonts — so that text
 * given this room fits whichever of them the reader has. Other characters (CJK, symbols)
 * count 1 em. Charts are built without a layout engine, so they cannot measure text.
 */
export function textWidth(text: string, fontSize = 12, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const c = CLASSES.find(([re]) => re.test(ch));
    em += c ? (bold ? c[2] : c[1]) : 1;
  }
  return em * fontSize;
}
