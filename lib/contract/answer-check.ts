// In development and test builds (and wherever LIGHTGATE_CHECK_ANSWERS=1, as in the end-to-end
// server), every JSON answer is parsed with its operation's declared schema before it leaves:
// an answer that drifted from the contract fails loudly (500, logged) instead of reaching a client.
import type { z } from "zod";
import type { Operation } from "./operation";

export function answersAreChecked(): boolean {
  return process.env.NODE_ENV !== "production" || process.env.LIGHTGATE_CHECK_ANSWERS === "1";
}

export class AnswerMismatch extends Error {
  constructor(
    readonly operationId: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(
      `The answer of ${operationId} does not match its declared schema: ` +
        issues
          .slice(0, 5)
          .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
          .join("; "),
    );
    this.name = "AnswerMismatch";
  }
}

/** The answer as a client will read it (JSON round trip: dates become strings), checked against the contract. */
export function checkAnswer(op: Operation, answer: unknown): void {
  const schema = op.success.schema;
  if (!schema || !answersAreChecked()) return;
  const parsed = schema.safeParse(JSON.parse(JSON.stringify(answer ?? null)));
  if (!parsed.success) throw new AnswerMismatch(op.id, parsed.error.issues);
}
