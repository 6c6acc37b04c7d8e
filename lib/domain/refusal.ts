// The one answer every workflow rule in lib/domain gives: accepted (with what follows and its audit
// events), or refused with a machine code and a person's words. lib/errors.ts turns a refusal into
// the AppError (and so the problem+json) in one place; no rule module speaks HTTP.

/**
 * How a refusal is answered: `rule` — not now, the workflow's state forbids it (409, the default);
 * `forbidden` — this person may never take the step (403); `input` — what was typed must change
 * (422); `stale` — the object changed since the person read it (409 `stale_version`).
 */
export type RefusalKind = "rule" | "forbidden" | "input" | "stale";

export type Refusal<M = unknown> = {
  /** Stable machine code, the problem+json `code` (e.g. "gate_missing_requirements"). */
  code: string;
  /** A person's words in English: what stops the command and, where it helps, what to do instead. */
  message: string;
  /**
   * Which of the code's sentences this is, where one code has several (catalogue key: the code in
   * camelCase, then the variant: "gate_closed" + "review" → `gateClosedReview` in messages/<l>/refusals.json).
   */
  variant?: string;
  /** The values the sentence names, so lib/errors.ts can say it in the reader's language. */
  params?: RefusalParams;
  /** Absent: `rule`. */
  kind?: RefusalKind;
  /** Field → messages, shown next to the field in forms and as problem+json `errors`. */
  fieldErrors?: Record<string, string[]>;
  /** What the command waits for (artifacts, votes, runs…), as problem+json `missing`. */
  missing?: M[];
  /**
   * Field → the catalogue key and values of each of its `fieldErrors` messages, in the same order,
   * where a rule finds several things wrong (a policy, a RACI matrix): lib/errors.ts says them.
   */
  findings?: Record<string, Finding[]>;
};

/** One field message as the catalogue says it (namespace `problems`); its English is the message. */
export type Finding = { key: string; params?: RefusalParams };

/** Numbers and plain text (names, titles, machine values an ICU `select` turns into words). */
export type RefusalParams = Record<string, string | number>;

export type Refused<M = unknown> = { ok: false; refusal: Refusal<M> };

/** An accepted command carries its own fields (next state, events…); a refused one its refusal. */
export type Outcome<T extends object = object, M = unknown> = ({ ok: true } & T) | Refused<M>;

/** One audit event a command produces; lib/data writes it with the change. */
export type DomainEvent = { action: string; before?: unknown; after?: unknown };

/** A refusal, with only the parts given (no `undefined` keys, so results compare cleanly). */
export function refuse<M = unknown>(
  code: string,
  message: string,
  extra: {
    kind?: RefusalKind;
    fieldErrors?: Record<string, string[]>;
    missing?: M[];
    variant?: string;
    params?: RefusalParams;
    findings?: Record<string, Finding[]>;
  } = {},
): Refused<M> {
  const refusal: Refusal<M> = { code, message };
  if (extra.variant) refusal.variant = extra.variant;
  if (extra.params) refusal.params = extra.params;
  if (extra.kind && extra.kind !== "rule") refusal.kind = extra.kind;
  if (extra.fieldErrors) refusal.fieldErrors = extra.fieldErrors;
  if (extra.missing) refusal.missing = extra.missing;
  if (extra.findings) refusal.findings = extra.findings;
  return { ok: false, refusal };
}

/** The catalogue key of a refusal's sentence: "gate_closed" + "review" → "gateClosedReview". */
export function refusalKey(refusal: Pick<Refusal, "code" | "variant">): string {
  const camel = (text: string) => text.replace(/[_-]+(\w)/g, (_, c: string) => c.toUpperCase());
  const variant = refusal.variant ? camel(refusal.variant) : "";
  return camel(refusal.code) + variant.charAt(0).toUpperCase() + variant.slice(1);
}

/** The message next to one field: a refusal that a person fixes by changing that field. */
export const onField = (field: string, message: string) => ({ [field]: [message] });
