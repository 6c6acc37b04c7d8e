// One declaration per API operation: its path parameters, query, body and answers as zod schemas.
// The route handler binds and validates its input from it (lib/api.ts `route`), the server action
// validates with the same schemas where the two share an input (`actionInput`), the OpenAPI
// document is generated from it (lib/contract/document.ts), and in development and test builds
// every answer is checked against it before it leaves (lib/contract/answer-check.ts).
import { z } from "zod";

export type Method = "get" | "post" | "put" | "patch" | "delete";

/** The error answers an operation can give, beyond 401 (every operation needs a signed-in caller). */
export type ErrorStatus = 403 | 404 | 409 | 413 | 415 | 422 | 429;

/** A JSON object schema (refinements allowed), as path parameters, a query or a body. */
type ObjectSchema = z.ZodType<Record<string, unknown>, Record<string, unknown>>;

export type Success = {
  status: 200 | 201 | 204;
  description: string;
  /** The JSON answer. Absent for 204 and for non-JSON answers (files, CSV, iCalendar, Markdown). */
  schema?: z.ZodType;
  /** A non-JSON answer's media type, e.g. "text/csv". */
  mediaType?: string;
};

export type Operation = {
  /** A stable, unique camelCase name: the OpenAPI `operationId`. */
  id: string;
  method: Method;
  /** OpenAPI form, parameters in braces: `/api/v1/projects/{projectId}/sprints`. */
  path: string;
  /** The resource it belongs to (an OpenAPI tag). */
  tag: string;
  summary: string;
  description?: string;
  params?: ObjectSchema;
  query?: ObjectSchema;
  /** A JSON body. */
  body?: ObjectSchema;
  /** A multipart/form-data body (uploads); an operation may accept both. */
  form?: ObjectSchema;
  success: Success;
  /** Error answers besides 401; 404 is added whenever the path names an object. */
  errors?: ErrorStatus[];
};

/** Declares an operation, keeping its literal schema types for the handler. */
export function operation<const O extends Operation>(declaration: O): O {
  return declaration;
}

type Output<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;
type Input<S> = S extends z.ZodType ? z.input<S> : Record<string, never>;

export type ParamsOf<O extends Operation> = Output<O["params"]>;
export type QueryOf<O extends Operation> = Output<O["query"]>;
type JsonOf<O extends Operation> = O["body"] extends z.ZodType ? z.output<O["body"]> : never;
type FormOf<O extends Operation> = O["form"] extends z.ZodType ? z.output<O["form"]> : never;
/** The bound body: the JSON one or the multipart one, whichever was sent (undefined when neither is declared). */
export type BodyOf<O extends Operation> = [JsonOf<O> | FormOf<O>] extends [never] ? undefined : JsonOf<O> | FormOf<O>;
/** What a handler may answer: the declared JSON (its input form: dates may still be Date objects, etc.). */
export type AnswerOf<O extends Operation> = O["success"]["schema"] extends z.ZodType
  ? Input<O["success"]["schema"]>
  : never;

// The action takes the JSON body where there is one (as `actionInput` validates), else the multipart
// one; an operation without a body (a DELETE) adds nothing to its action's input.
type ActionBody<O extends Operation> = [JsonOf<O>] extends [never]
  ? [FormOf<O>] extends [never]
    ? unknown
    : FormOf<O>
  : JsonOf<O>;

/**
 * The input of the server action that does what this operation does: its path parameters and its
 * body (JSON, else multipart) validated by the same schemas, as one flat object.
 */
export function actionInput<O extends Operation & { params: ObjectSchema }>(
  op: O,
): z.ZodType<ParamsOf<O> & ActionBody<O>, Record<string, unknown>> {
  const body = op.body ?? op.form;
  const schema = body ? z.intersection(op.params, body) : op.params;
  return schema as unknown as z.ZodType<ParamsOf<O> & ActionBody<O>, Record<string, unknown>>;
}
