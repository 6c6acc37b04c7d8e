// Finds user-visible English written straight into components instead of the catalogues: JSX
// text, the text of attributes a person reads or hears (aria-label, placeholder, title, alt, label…),
// string expressions rendered as JSX children, and prose-like string literals anywhere in a
// component file (a ternary of two labels, a `const heading = "…"`). Parsed with the TypeScript
// compiler, so comments, class names, URLs and imports are never mistaken for text.
//
// A literal that must stay as written (a brand, a code sample, a machine value that reads like
// prose) is exempted by a comment `i18n-exempt: <why>` on its line or the line above.
import ts from "typescript";

export type EnglishLiteral = { line: number; text: string; where: string };

/** Attributes whose value is read or heard by a person. */
const VISIBLE_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-valuetext",
  "aria-roledescription",
  "placeholder",
  "title",
  "alt",
  "label",
  "description",
  "heading",
  "hint",
  "legend",
  "caption",
  "summary",
  "message",
  "emptyText",
  "confirmLabel",
  "cancelLabel",
  "submitLabel",
  "pendingLabel",
  "pending",
  "text",
]);

/** Attributes that hold machine values even when they contain words. */
const MACHINE_ATTRIBUTES = new RegExp(
  `^(${[
    String.raw`\w*[cC]lassName|class|href|src|id|key|name|type|role|rel|target|method|action|htmlFor|form|variant`,
    String.raw`size|tone|kind|autoComplete|inputMode|pattern|accept|encType|dateTime|lang|dir|value|defaultValue`,
    String.raw`aria-labelledby|aria-describedby|aria-controls|aria-current|aria-live|data-[\w-]+|style|viewBox`,
    String.raw`d|fill|stroke\w*|xmlns|tabIndex|scope|as|mode|icon|testId|definition|chart`,
  ].join("|")})$`,
);

/** Words that are the same in every language: the brand, units, standards. */
const NEUTRAL = new RegExp(
  String.raw`^(Lightgate|UTC|CSV|API|ISO|URL|PDF|JSON|SHA-256|MVP|SME|PM|KPI|ID|OK` +
    String.raw`|—|–|·|…|\/|\||&|%|:|,|\.|\(|\)|\+|-|×|→|←|\d+)$`,
);

/** Some letters that are words, not a lone symbol, unit or brand. */
export function looksLikeText(raw: string): boolean {
  const text = raw
    .replace(/&[a-z]+;|&#\d+;/g, " ") // entities: &lt; &gt; &nbsp;
    .replace(/\s+/g, " ")
    .trim();
  if (/^(https?:\/\/|mailto:)\S*$/.test(text)) return false;
  if (!/[A-Za-z]{2,}/.test(text)) return false;
  const words = text.split(/[\s,.:;!?()]+/).filter(Boolean);
  return !words.every((w) => NEUTRAL.test(w));
}

/** A Tailwind class list ("rounded px-2 text-sm hover:bg-slate-100"), not words. */
export function looksLikeClasses(raw: string): boolean {
  const tokens = raw.trim().split(/\s+/);
  return tokens.every((t) => /^!?[a-z0-9:[\]/.,%#_()-]+$/.test(t)) && tokens.some((t) => /[-:[]/.test(t));
}

/** Prose: at least two words of letters with a lower-case one ("Not found", "Save draft"). */
export function looksLikeProse(raw: string): boolean {
  const text = raw.trim();
  if (looksLikeClasses(text)) return false;
  if (/^[\w.-]+\/[\w./-]*$/.test(text) || /^[a-z][\w-]*(\.[\w-]+)+$/.test(text)) return false; // paths, keys
  if (/^[a-z0-9_-]+$/.test(text)) return false; // codes, slugs
  if (/[{}<>=;]|=>|\$\{/.test(text)) return false; // code, SQL, selectors
  return /\b[A-Za-z][a-z]+[ \u00a0]+[a-z]{2,}\b/.test(text) || /^[A-Z][a-z]+(?:[ \u00a0][A-Za-z]+)+[.!?…]?$/.test(text);
}

function exempt(source: ts.SourceFile, node: ts.Node): boolean {
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  const lines = source.text.split("\n");
  return [lines[line], lines[line - 1]].some((l) => l?.includes("i18n-exempt"));
}

/** A string literal that is an argument of a translator, a key, an import or a type, not text. */
function isMachinePosition(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return true;
  if (ts.isExpressionStatement(parent)) return true; // "use client", "use server"
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent)) return true;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return true;
  if (ts.isElementAccessExpression(parent)) return true;
  if (ts.isCaseClause(parent) || ts.isBinaryExpression(parent)) {
    // `status === "in review"` compares a machine value.
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionToken) return true;
    if (ts.isCaseClause(parent)) return true;
  }
  if (ts.isCallExpression(parent)) {
    const callee = parent.expression.getText();
    if (
      new RegExp(
        String.raw`^(t|t\.rich|t\.markup|t\.has|\w+T|useTranslations|getTranslations|require|import|cx|clsx` +
          String.raw`|redirect|notFound|revalidatePath|revalidateTag|fetch|new URL|URL|console\.\w+|Error|TypeError)$`,
      ).test(callee)
    )
      return true;
    if (
      new RegExp(
        String.raw`\.(get|set|has|delete|append|startsWith|endsWith|includes|split|replace|replaceAll|join|match|test` +
          String.raw`|querySelector|getAttribute|setAttribute|addEventListener|removeEventListener|push` +
          String.raw`|searchParams\.\w+)$`,
      ).test(callee)
    )
      return true;
  }
  if (ts.isNewExpression(parent)) return true;
  if (ts.isJsxAttribute(parent)) return true; // handled with the attribute's name
  return false;
}

export function englishLiterals(fileName: string, code: string): EnglishLiteral[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: EnglishLiteral[] = [];
  const report = (node: ts.Node, text: string, where: string) => {
    if (exempt(source, node)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push({ line: line + 1, text: text.replace(/\s+/g, " ").trim(), where });
  };

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      if (looksLikeText(node.text)) report(node, node.text, "JSX text");
    } else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(source);
      const init = node.initializer;
      const literal = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
          ? init.expression
          : undefined;
      if (literal && !MACHINE_ATTRIBUTES.test(name)) {
        const visible = VISIBLE_ATTRIBUTES.has(name) || /Label$|Text$|Title$|Message$/.test(name);
        if (visible ? looksLikeText(literal.text) : looksLikeProse(literal.text))
          report(literal, literal.text, `attribute ${name}`);
      }
    } else if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteralLike(node.expression)) {
      if (!ts.isJsxAttribute(node.parent) && looksLikeText(node.expression.text))
        report(node.expression, node.expression.text, "JSX child");
    } else if (ts.isStringLiteralLike(node) && !ts.isJsxAttribute(node.parent) && !isMachinePosition(node)) {
      if (!(ts.isJsxExpression(node.parent) && !ts.isJsxAttribute(node.parent.parent)) && looksLikeProse(node.text))
        report(node, node.text, "string");
    } else if (ts.isTemplateExpression(node)) {
      const pieces = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
      const classes = pieces.every((p) => !/[A-Za-z]{2,}/.test(p) || looksLikeClasses(p));
      const parts = pieces.join(" … ");
      if (!classes && !isMachinePosition(node) && looksLikeProse(parts)) report(node, parts, "template");
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
