// The one guard every server action goes through: authenticate → validate (zod) → run.
// Per-object authorization happens inside `run`, in lib/data, where the object is loaded.
import { z } from "zod";
import type { RequestContext } from "@/lib/audit";
import { AppError, fieldErrorsIn, messageIn } from "@/lib/errors";
import { problemSentence, requestWords } from "@/lib/refusal-words";
import { currentActor, requestContext } from "@/lib/session";
import { parseIn } from "@/lib/validation/in-language";

/** What a form action hands back to `useActionState`. */
export type FormState<T = unknown> = {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** Echo of the submitted text fields, so a refused form keeps what the user typed. */
  values?: Record<string, string>;
  data?: T;
  /** Bumped on every submission so forms can reset after success. */
  at?: number;
};

// Client components: import `initialFormState` from "@/lib/form-state" and only the FormState
// *type* from here (this module is server-only: it reads the session).

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  return z.flattenError(error).fieldErrors as Record<string, string[]>;
}

/** FormData → plain object: repeated names become arrays, files are kept as File. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key);
    out[key] = key.endsWith("[]") ? all : all.length > 1 ? all : all[0];
  }
  for (const key of Object.keys(out)) {
    if (key.endsWith("[]")) {
      out[key.slice(0, -2)] = out[key];
      delete out[key];
    }
  }
  return out;
}

function textValues(input: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(input).filter((e): e is [string, string] => typeof e[1] === "string" && !/password/i.test(e[0])),
  );
}

async function guarded<S extends z.ZodType, R>(
  schema: S,
  input: unknown,
  run: (ctx: RequestContext, data: z.infer<S>) => Promise<R> | R,
): Promise<FormState<R>> {
  const values = input && typeof input === "object" ? textValues(input as Record<string, unknown>) : {};
  const at = Date.now();
  // The reader's language (null outside a request: English, as in integration tests).
  const words = await requestWords();
  const say = (key: "sessionEnded" | "correctFields" | "somethingWentWrong", english: string) =>
    words ? problemSentence(words, key, english) : english;
  const actor = await currentActor();
  if (!actor) return { ok: false, message: say("sessionEnded", "Your session has ended. Sign in again."), at };
  const parsed = words ? parseIn(schema, input, words.validation) : schema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      message: say("correctFields", "Please correct the highlighted fields."),
      fieldErrors: fieldErrorsOf(parsed.error),
      values,
      at,
    };
  }
  try {
    const data = await run(await requestContext(actor), parsed.data);
    return { ok: true, data, at };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, message: messageIn(error, words), fieldErrors: fieldErrorsIn(error, words), values, at };
    }
    // Let Next's redirect/notFound signals through; log anything else and answer generically.
    if (error && typeof error === "object" && "digest" in error) throw error;
    console.error(error);
    const message = say("somethingWentWrong", "Something went wrong. Nothing was changed; please try again.");
    return { ok: false, message, values, at };
  }
}

/** A server action called with a plain object. */
export function action<S extends z.ZodType, R>(
  schema: S,
  run: (ctx: RequestContext, data: z.infer<S>) => Promise<R> | R,
) {
  return (input: z.input<S>) => guarded(schema, input, run);
}

/** A server action for `<form action>` with `useActionState(prevState, formData)`. */
export function formAction<S extends z.ZodType, R>(
  schema: S,
  run: (ctx: RequestContext, data: z.infer<S>) => Promise<R> | R,
) {
  return (_previous: FormState<unknown>, formData: FormData) => guarded(schema, formDataToObject(formData), run);
}
