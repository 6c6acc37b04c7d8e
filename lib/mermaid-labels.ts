// Mermaid draws escaped labels (see lib/domain/integration-diagram: "<" → "#60;") as SVG text
// but, with SVG (non-HTML) labels, leaves the entity codes literal ("&#60;") and may even split
// one code across wrapped lines ("&#" | "62;", or inside its own placeholder "ﬂ°°62¶ß"). We turn
// them back into the characters by editing TEXT NODES only: the result is always text, never
// markup, so `<img src=x onerror=alert(1)>` in a name is displayed, not parsed.

const CODE = /(?:&#|ﬂ°°)(\d{1,7})(?:;|¶ß)/g;

const toChar = (digits: string) => {
  const code = Number(digits);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
};

/**
 * The text pieces of one label, in order (one per text node), with every entity code turned
 * into its character. A code split across pieces is written into the piece where it starts.
 * Single pass, left to right: a decoded "&" never starts a new code.
 */
export function decodeLabelPieces(pieces: string[]): string[] {
  const stream = pieces.join("");
  const owner: number[] = [];
  pieces.forEach((piece, index) => {
    for (let i = 0; i < piece.length; i++) owner.push(index);
  });
  const out = pieces.map(() => "");
  let at = 0;
  for (const match of stream.matchAll(CODE)) {
    for (let i = at; i < match.index; i++) out[owner[i]] += stream[i];
    out[owner[match.index]] += toChar(match[1]);
    at = match.index + match[0].length;
  }
  for (let i = at; i < stream.length; i++) out[owner[i]] += stream[i];
  return out;
}

/**
 * Browser only: decodes the labels of a mermaid SVG (each <text> element is one label). Parsed
 * as HTML, like the innerHTML it is inserted with; a DOMParser document runs no script and loads
 * no image.
 */
export function decodeSvgLabels(svg: string): string {
  const doc = new DOMParser().parseFromString(svg, "text/html");
  const root = doc.body.querySelector("svg");
  if (!root) return svg;
  for (const text of Array.from(root.querySelectorAll("text"))) {
    const walker = doc.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    const decoded = decodeLabelPieces(nodes.map((n) => n.data));
    nodes.forEach((node, i) => {
      if (node.data !== decoded[i]) node.data = decoded[i];
    });
  }
  return root.outerHTML;
}
