// Finds the errors the app throws that could not be said in the reader's language: a `new
// AppError(` without its `saying` (5th argument), or a `forbidden("…")` with a message of its own
// and no saying. Without one, lib/errors.ts answers the English message to Spanish and Polish
// readers too. Parsed with the TypeScript compiler, so comments and strings never count.
//
// It also reads, where the throw site writes them literally, the English sentence and the problem
// key that says it (and each field message with its `fields` key), so a test can check that the
// English catalogue renders exactly the sentence thrown.
import ts from "typescript";

export type ErrorThrow = {
  line: number;
  /** The call as written, shortened: what a failing test names. */
  where: string;
  hasSaying: boolean;
  /** Literal English and its literal problem key, when the saying takes no params. */
  said: { english: string; problem: string }[];
  /** A refusal written on the spot (`refused({ code, variant? })`): its code and variant. */
  refusal?: { code: string; variant?: string };
};

const literalText = (node: ts.Node | undefined): string | undefined =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

const isUndefined = (node: ts.Node | undefined) => !node || (ts.isIdentifier(node) && node.text === "undefined");

function propertyOf(object: ts.Node | undefined, name: string): ts.Expression | undefined {
  if (!object || !ts.isObjectLiteralExpression(object)) return undefined;
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && propertyName(property.name) === name) return property.initializer;
  }
  return undefined;
}

/** A property's name as written: `name`, `"name"`, or the source of a computed `[field]`. */
function propertyName(name: ts.PropertyName): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return name.getText();
}

/** The literal pairs (English, key) of one throw: its message, then each field's message. */
function saidPairs(message: ts.Node | undefined, details: ts.Node | undefined, saying: ts.Node | undefined) {
  const said: ErrorThrow["said"] = [];
  if (!saying || !ts.isObjectLiteralExpression(saying) || propertyOf(saying, "params")) return said;
  const problem = literalText(propertyOf(saying, "problem"));
  const english = literalText(message);
  if (problem && english !== undefined) said.push({ english, problem });
  const fieldErrors = propertyOf(details, "fieldErrors");
  const fields = propertyOf(saying, "fields");
  if (!fieldErrors || !ts.isObjectLiteralExpression(fieldErrors)) return said;
  for (const property of fieldErrors.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isArrayLiteralExpression(property.initializer)) continue;
    const key = literalText(propertyOf(fields, propertyName(property.name)));
    for (const element of property.initializer.elements) {
      const text = literalText(element);
      if (text === undefined) continue;
      if (key) said.push({ english: text, problem: key });
      else if (problem && text === english) said.push({ english: text, problem });
    }
  }
  return said;
}

/** Every `new AppError(…)` and `forbidden(…)` of a source file, with whether it can be said. */
export function errorThrows(fileName: string, code: string): ErrorThrow[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: ErrorThrow[] = [];
  const record = (node: ts.Node, hasSaying: boolean, said: ErrorThrow["said"], refusal?: ErrorThrow["refusal"]) =>
    found.push({
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      where: node.getText().replace(/\s+/g, " ").slice(0, 100),
      hasSaying,
      said,
      ...(refusal ? { refusal } : {}),
    });
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "AppError") {
      const [, message, , details, saying] = node.arguments ?? [];
      record(node, !isUndefined(saying), saidPairs(message, details, saying));
    } else if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "forbidden" &&
      node.arguments.length > 0
    ) {
      // forbidden() alone says the generic sentence; a message of its own needs its saying.
      const [message, saying] = node.arguments;
      record(node, !isUndefined(saying), saidPairs(message, undefined, saying));
    } else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "refused") {
      // A refusal literal outside the domain is said from the catalogue only if its key is there.
      const code = literalText(propertyOf(node.arguments[0], "code"));
      const variant = literalText(propertyOf(node.arguments[0], "variant"));
      if (code) record(node, true, [], { code, ...(variant ? { variant } : {}) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
