// The checks of a gate condition (lib/validation/gates.ts conditionSchema) without zod, for the
// decision form in the browser: errors show next to each row before anything is sent, and the
// page does not download a validation library for it. The server still validates with zod;
// condition-check.test.ts keeps the two in agreement.
export type ConditionInput = { text: string; ownerId: string; dueDate: string };
export type ConditionErrors = Partial<Record<keyof ConditionInput, string[]>>;

const TEXT_MAX = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

function realDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** Field errors of one condition, or undefined when it is valid. */
export function conditionErrors(input: ConditionInput): ConditionErrors | undefined {
  const errors: ConditionErrors = {};
  const text = input.text.trim();
  if (!text) errors.text = ["The condition is required."];
  else if (text.length > TEXT_MAX) errors.text = [`The condition is at most ${TEXT_MAX} characters.`];
  if (!input.ownerId) errors.ownerId = ["Choose who owns this condition."];
  else if (!UUID.test(input.ownerId)) errors.ownerId = ["Unknown item."];
  const due = input.dueDate.trim();
  if (!due) errors.dueDate = ["Choose a due date."];
  else {
    // One message per field: a malformed date is not also called unreal.
    if (!/^\d{4}-\d{2}-\d{2}$/.test(due)) errors.dueDate = ["Use a date as YYYY-MM-DD."];
    else if (!realDate(due)) errors.dueDate = ["This is not a real date."];
  }
  return Object.keys(errors).length ? errors : undefined;
}
