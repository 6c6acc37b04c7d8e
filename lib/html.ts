// Markup written as text, for the few long lists whose rows React would otherwise build element
// by element on every request (the dashboard's portfolio and review queue). Built by React, the
// portfolio's 25 rows were a third of the dashboard's time; as one string they cost almost nothing.
// Every value placed in a template is escaped unless it is itself markup made by `markup`, so a
// project called `<script>` shows as that text. (The tag is not called `html`:
// Prettier would reformat such templates as HTML and change the whitespace they render.)

/** Markup made by `markup`: trusted to be placed as is. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** `text` made safe for an element's content or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function place(value: unknown): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(place).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/**
 * A template of markup: markup`<td>${name}</td>` escapes `name`. Arrays are joined, null,
 * undefined and false leave nothing, and Html values are placed as they are.
 */
export function markup(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let text = strings[0];
  for (let i = 0; i < values.length; i++) text += place(values[i]) + strings[i + 1];
  return new Html(text);
}
