/**
 * With SVG (non-HTML) labels mermaid writes the entity codes of escaped labels (#60; → "&#60;")
 * as literal text ("&amp;#60;"). Turning them back into numeric character references makes the
 * browser show the character itself; a character reference is always text, never markup, so
 * `<img …>` in a name is displayed, not parsed. Only numeric references are restored.
 */
export function decodeLabelEntities(svg: string): string {
  return svg.replace(/&amp;#(\d{1,7});/g, "&#$1;");
}
