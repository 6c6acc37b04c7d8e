// Webhook endpoints (issue 16, item 2): registered by administrators (for every project, or one)
// and by project managers (for a project they manage); the secret is shown once and stored sealed.
// Who may see and change an endpoint is decided once, in `loadWebhook`: an administrator every one,
// a PM those of the projects they manage, and anyone the endpoints they registered themselves.
// Everyone else is answered "not found". Every change is audited in its own transaction.
import { lookup } from "node:dns/promises";
import { and, desc, eq, inArray, or } from "drizzle-orm";
import { type Db, type DbOrTx, first, one, transaction } from "@/db/client";
import { outboxDeliveries, projectMembers, projects, users, webhookEndpoints } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { memberRoles } from "@/lib/data/access";
import { unknownEventTypes } from "@/lib/domain/event-types";
import { effectiveRoles, type Actor } from "@/lib/domain/permissions";
import { checkResolved, checkWebhookUrl, privateTargetsAllowed } from "@/lib/domain/webhook-address";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { sealText } from "@/lib/secret-box";
import { newWebhookSecret } from "@/lib/webhook-signing";

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;

/** An endpoint as its managers see it: never its secret. */
export type WebhookView = {
  id: string;
  url: string;
  description: string;
  events: string[];
  projectId: string | null;
  projectName: string | null;
  ownerId: string;
  ownerName: string | null;
  createdAt: string;
  disabledAt: string | null;
  /** "gone" (it answered 410), "failing" (no success for a day), or null while active. */
  disabledReason: DisabledReason | null;
  /** Until when the secret before the last rotation still signs, beside the new one. */
  previousSecretUntil: string | null;
};

export type DisabledReason = "gone" | "failing";

export type WebhookInput = { url: string; events: string[]; projectId?: string | null; description?: string };

/** How a name is resolved: every address it has (the guard refuses the name if one is refused). */
export type Resolve = (hostname: string) => Promise<string[]>;

export const resolveHost: Resolve = async (hostname) =>
  (await lookup(hostname.replace(/^\[|\]$/g, ""), { all: true, verbatim: true })).map((a) => a.address);

/** What the edges of registration may be given instead of the machine's own (tests). */
export type AddressPolicy = { resolve?: Resolve; allowPrivate?: boolean };

/** How long the previous secret still signs after a rotation. */
export const PREVIOUS_SECRET_MS = 24 * 60 * 60 * 1000;

/** Whether the actor is (or acts as) the project manager of the project. */
async function managesProject(db: DbOrTx, actor: Actor, projectId: string): Promise<boolean> {
  const project = await first(db.select().from(projects).where(eq(projects.id, projectId)));
  if (!project) return false;
  return effectiveRoles(actor, project, await memberRoles(db, projectId, actor.id)).includes("project_manager");
}

/** The projects the actor manages as PM (every project for an administrator is not listed here). */
async function managedProjectIds(db: DbOrTx, actor: Actor): Promise<string[]> {
  const rows = await db
    .select({ projectId: projectMembers.projectId })
    .from(projectMembers)
    .where(and(eq(projectMembers.userId, actor.id), eq(projectMembers.role, "project_manager")));
  return rows.map((r) => r.projectId);
}

async function mayManage(db: DbOrTx, actor: Actor, endpoint: WebhookEndpointRow): Promise<boolean> {
  if (actor.role === "admin" || endpoint.ownerId === actor.id) return true;
  return endpoint.projectId !== null && (await managesProject(db, actor, endpoint.projectId));
}

/** Loads an endpoint the actor may manage; any other is "not found", never "forbidden". */
export async function loadWebhook(db: DbOrTx, actor: Actor, id: string): Promise<WebhookEndpointRow> {
  const endpoint = await first(db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)));
  if (!endpoint || !(await mayManage(db, actor, endpoint))) throw notFound("This item");
  return endpoint;
}

const viewColumns = {
  endpoint: webhookEndpoints,
  projectName: projects.name,
  ownerName: users.name,
};

function viewOf(row: { endpoint: WebhookEndpointRow; projectName: string | null; ownerName: string | null }) {
  const e = row.endpoint;
  const view: WebhookView = {
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events,
    projectId: e.projectId,
    projectName: row.projectName,
    ownerId: e.ownerId,
    ownerName: row.ownerName,
    createdAt: e.createdAt,
    disabledAt: e.disabledAt,
    disabledReason: !e.disabledAt ? null : e.disabledReason === "gone" ? "gone" : "failing",
    previousSecretUntil: e.previousSecretUntil,
  };
  return view;
}

function viewQuery(db: DbOrTx) {
  return db
    .select(viewColumns)
    .from(webhookEndpoints)
    .leftJoin(projects, eq(projects.id, webhookEndpoints.projectId))
    .leftJoin(users, eq(users.id, webhookEndpoints.ownerId));
}

/**
 * The endpoints the actor may manage, newest first: an administrator's every one, a PM's those of
 * the projects they manage and their own; with `projectId`, only that project's (404 unless the
 * actor manages it).
 */
export async function listWebhooks(db: DbOrTx, actor: Actor, filter: { projectId?: string } = {}) {
  if (filter.projectId) {
    if (!(await managesProject(db, actor, filter.projectId))) throw notFound("This project");
    const rows = await viewQuery(db)
      .where(eq(webhookEndpoints.projectId, filter.projectId))
      .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
    return rows.map(viewOf);
  }
  const managed = actor.role === "admin" ? [] : await managedProjectIds(db, actor);
  const visible =
    actor.role === "admin"
      ? undefined
      : or(
          eq(webhookEndpoints.ownerId, actor.id),
          managed.length ? inArray(webhookEndpoints.projectId, managed) : undefined,
        );
  const rows = await viewQuery(db).where(visible).orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  return rows.map(viewOf);
}

export async function getWebhook(db: DbOrTx, actor: Actor, id: string): Promise<WebhookView> {
  const endpoint = await loadWebhook(db, actor, id);
  return viewOf(await one(viewQuery(db).where(eq(webhookEndpoints.id, endpoint.id))));
}

/** The projects the actor may register an endpoint for (an administrator's: every one), by name. */
export async function webhookProjectChoices(db: DbOrTx, actor: Actor): Promise<{ id: string; name: string }[]> {
  if (actor.role === "client") return [];
  const managed = actor.role === "admin" ? null : await managedProjectIds(db, actor);
  if (managed && !managed.length) return [];
  return await db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(managed ? inArray(projects.id, managed) : undefined)
    .orderBy(projects.name);
}

function invalid(field: string, message: string, problem: Parameters<typeof sayingOf>[0], params = {}) {
  return new AppError(
    "invalid_input",
    message,
    "invalid_webhook",
    { fieldErrors: { [field]: [message] } },
    sayingOf(problem, params),
  );
}

function sayingOf(
  problem:
    | "webhookUrlInvalid"
    | "webhookUrlRefused"
    | "webhookUrlUnresolved"
    | "webhookEventsEmpty"
    | "webhookEventsUnknown"
    | "webhookProjectRequired"
    | "webhookProjectUnknown",
  params: Record<string, string>,
) {
  return { problem, params };
}

/** The URL's rules: http(s), and a name that resolves to allowed addresses only. 422 on `url`. */
export async function checkEndpointUrl(text: string, policy: AddressPolicy = {}): Promise<URL> {
  const verdict = checkWebhookUrl(text.trim());
  if (!verdict.ok) {
    throw invalid(
      "url",
      "Enter the full http:// or https:// address of the endpoint, without a user name or password.",
      "webhookUrlInvalid",
    );
  }
  let addresses: string[];
  try {
    addresses = await (policy.resolve ?? resolveHost)(verdict.url.hostname);
  } catch {
    addresses = [];
  }
  if (!addresses.length) {
    throw invalid("url", `The name ${verdict.url.hostname} does not resolve.`, "webhookUrlUnresolved", {
      host: verdict.url.hostname,
    });
  }
  const refused = checkResolved(addresses, policy.allowPrivate ?? privateTargetsAllowed());
  if (refused) {
    throw invalid(
      "url",
      `This address leads to ${refused}, a private or local network address; webhooks go to public addresses only.`,
      "webhookUrlRefused",
      { address: refused },
    );
  }
  return verdict.url;
}

/** The event types, checked and tidied: "*" alone when it is asked for; 422 on `events`. */
export function checkEvents(events: string[]): string[] {
  const asked = [...new Set(events.map((e) => e.trim()).filter(Boolean))];
  if (!asked.length) {
    throw invalid("events", "Choose at least one event type, or * for all of them.", "webhookEventsEmpty");
  }
  const unknown = unknownEventTypes(asked);
  if (unknown.length) {
    const types = unknown.join(", ");
    throw invalid("events", `Unknown event type: ${types}.`, "webhookEventsUnknown", { types });
  }
  return asked.includes("*") ? ["*"] : asked;
}

/** Who may register for which project: 403 for client accounts, 422 on `projectId` otherwise. */
async function checkProject(db: DbOrTx, actor: Actor, projectId: string | null | undefined): Promise<string | null> {
  if (actor.role === "client") {
    throw forbidden("Only administrators and project managers register webhooks.", {
      problem: "webhooksManagersOnly",
    });
  }
  if (!projectId) {
    if (actor.role === "admin") return null;
    throw invalid(
      "projectId",
      "Choose the project: project managers register webhooks for the projects they manage.",
      "webhookProjectRequired",
    );
  }
  if (!(await managesProject(db, actor, projectId))) {
    throw invalid("projectId", "Unknown project, or not one you manage.", "webhookProjectUnknown");
  }
  return projectId;
}

/** Registers an endpoint; its secret is in the answer and nowhere else in the clear. */
export async function registerWebhook(
  db: Db,
  ctx: RequestContext,
  input: WebhookInput,
  policy: AddressPolicy = {},
): Promise<{ webhook: WebhookView; secret: string }> {
  const projectId = await checkProject(db, ctx.actor, input.projectId);
  const events = checkEvents(input.events);
  // Resolved before the transaction opens: no write waits on the network.
  const url = await checkEndpointUrl(input.url, policy);
  const secret = newWebhookSecret();
  const id = await transaction(db, async (tx) => {
    // The project may have changed hands since the check above.
    await checkProject(tx, ctx.actor, projectId);
    const created = await one(
      tx
        .insert(webhookEndpoints)
        .values({
          url: url.href,
          description: (input.description ?? "").trim(),
          events,
          projectId,
          ownerId: ctx.actor.id,
          secret: sealText(secret),
        })
        .returning({ id: webhookEndpoints.id }),
    );
    await recordAudit(tx, ctx, {
      action: "webhook.create",
      objectType: "webhook",
      objectId: created.id,
      projectId,
      after: { url: url.href, events, description: (input.description ?? "").trim() },
    });
    return created.id;
  });
  return { webhook: await getWebhook(db, ctx.actor, id), secret };
}

/** Removes an endpoint and its delivery log; deliveries still pending go with it. */
export async function deleteWebhook(db: Db, ctx: RequestContext, id: string): Promise<void> {
  await transaction(db, async (tx) => {
    const endpoint = await loadWebhook(tx, ctx.actor, id);
    await tx
      .delete(outboxDeliveries)
      .where(and(eq(outboxDeliveries.channel, "webhook"), eq(outboxDeliveries.targetId, endpoint.id)));
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    await recordAudit(tx, ctx, {
      action: "webhook.delete",
      objectType: "webhook",
      objectId: endpoint.id,
      projectId: endpoint.projectId,
      before: { url: endpoint.url, events: endpoint.events },
    });
  });
}

/**
 * A new secret, shown once; the one it replaces keeps signing beside it for 24 hours, so the
 * receiver can switch without losing a delivery. A second rotation within the day drops the oldest.
 */
export async function rotateWebhookSecret(
  db: Db,
  ctx: RequestContext,
  id: string,
  now = new Date(),
): Promise<{ secret: string; previousSecretUntil: string }> {
  const secret = newWebhookSecret();
  const previousSecretUntil = new Date(now.getTime() + PREVIOUS_SECRET_MS).toISOString();
  await transaction(db, async (tx) => {
    const endpoint = await loadWebhook(tx, ctx.actor, id);
    await tx
      .update(webhookEndpoints)
      .set({ secret: sealText(secret), previousSecret: endpoint.secret, previousSecretUntil })
      .where(eq(webhookEndpoints.id, endpoint.id));
    await recordAudit(tx, ctx, {
      action: "webhook.rotate_secret",
      objectType: "webhook",
      objectId: endpoint.id,
      projectId: endpoint.projectId,
      after: { url: endpoint.url, previousSecretUntil },
    });
  });
  return { secret, previousSecretUntil };
}

/** Turns a disabled endpoint on again; deliveries given up meanwhile can be resent from its log. */
export async function enableWebhook(db: Db, ctx: RequestContext, id: string): Promise<WebhookView> {
  await transaction(db, async (tx) => {
    const endpoint = await loadWebhook(tx, ctx.actor, id);
    if (!endpoint.disabledAt) return;
    await tx
      .update(webhookEndpoints)
      .set({ disabledAt: null, disabledReason: null })
      .where(eq(webhookEndpoints.id, endpoint.id));
    await recordAudit(tx, ctx, {
      action: "webhook.enable",
      objectType: "webhook",
      objectId: endpoint.id,
      projectId: endpoint.projectId,
      before: { url: endpoint.url, disabledReason: endpoint.disabledReason },
    });
  });
  return await getWebhook(db, ctx.actor, id);
}
