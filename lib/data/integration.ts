// The integration registry of a project: external systems and their interfaces (DESIGN.md §2).
// Every write: authorize (integration.edit) → rule → write scoped by project → audit, in one
// synchronous immediate transaction; rows carry a version for optimistic concurrency.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { externalSystems, interfaces, type Project } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { assertVersion, loadProjectAccess, requireProjectPermission } from "@/lib/data/access";
import { transitionInterface } from "@/lib/domain/interface";
import type { Actor } from "@/lib/domain/permissions";
import { AppError, notFound } from "@/lib/errors";
import type {
  changeInterfaceStatusSchema,
  createInterfaceSchema,
  createSystemSchema,
  deleteInterfaceSchema,
  deleteSystemSchema,
  updateInterfaceSchema,
  updateSystemSchema,
} from "@/lib/validation/integration";

export type ExternalSystem = typeof externalSystems.$inferSelect;
export type Interface = typeof interfaces.$inferSelect;

const immediate = { behavior: "immediate" } as const;

export function listSystems(db: DbOrTx, projectId: string): ExternalSystem[] {
  return db.select().from(externalSystems).where(eq(externalSystems.projectId, projectId)).orderBy(asc(externalSystems.name)).all();
}

export function listInterfaces(db: DbOrTx, projectId: string): Interface[] {
  return db.select().from(interfaces).where(eq(interfaces.projectId, projectId)).orderBy(asc(interfaces.name)).all();
}

/** The registry as the actor may see it, with what the actor may do. */
export function getIntegrationRegistry(db: DbOrTx, actor: Actor, projectId: string) {
  const access = loadProjectAccess(db, actor, projectId);
  return {
    project: access.project,
    systems: listSystems(db, projectId),
    interfaces: listInterfaces(db, projectId),
    canEdit: access.can("integration.edit"),
    // Freezing the diagram submits a gate artifact version: the artifact submitters' right.
    canFreeze: access.can("artifact.submit"),
  };
}

function loadSystem(tx: DbOrTx, projectId: string, systemId: string): ExternalSystem {
  const system = tx
    .select()
    .from(externalSystems)
    .where(and(eq(externalSystems.id, systemId), eq(externalSystems.projectId, projectId)))
    .get();
  if (!system) throw notFound("This system");
  return system;
}

function loadInterface(tx: DbOrTx, projectId: string, interfaceId: string): Interface {
  const row = tx
    .select()
    .from(interfaces)
    .where(and(eq(interfaces.id, interfaceId), eq(interfaces.projectId, projectId)))
    .get();
  if (!row) throw notFound("This interface");
  return row;
}

function assertSystemNameFree(tx: Tx, projectId: string, name: string, exceptId?: string) {
  const clash = tx
    .select({ id: externalSystems.id })
    .from(externalSystems)
    .where(
      and(
        eq(externalSystems.projectId, projectId),
        sql`lower(${externalSystems.name}) = lower(${name})`,
        exceptId ? ne(externalSystems.id, exceptId) : undefined,
      ),
    )
    .get();
  if (clash) {
    throw new AppError("invalid_input", "A system with this name is already registered.", "duplicate_name", {
      fieldErrors: { name: ["A system with this name is already registered on this project."] },
    });
  }
}

function assertInterfaceNameFree(tx: Tx, projectId: string, systemId: string, name: string, exceptId?: string) {
  const clash = tx
    .select({ id: interfaces.id })
    .from(interfaces)
    .where(
      and(
        eq(interfaces.projectId, projectId),
        eq(interfaces.systemId, systemId),
        sql`lower(${interfaces.name}) = lower(${name})`,
        exceptId ? ne(interfaces.id, exceptId) : undefined,
      ),
    )
    .get();
  if (clash) {
    throw new AppError("invalid_input", "This system already has an interface with this name.", "duplicate_name", {
      fieldErrors: { name: ["This system already has an interface with this name."] },
    });
  }
}

const editable = (tx: DbOrTx, ctx: RequestContext, projectId: string): Project =>
  requireProjectPermission(tx, ctx.actor, projectId, "integration.edit").project;

export function createSystem(db: Db, ctx: RequestContext, projectId: string, input: z.infer<typeof createSystemSchema>): ExternalSystem {
  return db.transaction((tx) => {
    editable(tx, ctx, projectId);
    assertSystemNameFree(tx, projectId, input.name);
    const system = tx.insert(externalSystems).values({ ...input, projectId }).returning().get();
    recordAudit(tx, ctx, { action: "system.create", objectType: "external_system", objectId: system.id, projectId, after: input });
    return system;
  }, immediate);
}

export function updateSystem(db: Db, ctx: RequestContext, projectId: string, input: z.infer<typeof updateSystemSchema>): ExternalSystem {
  return db.transaction((tx) => {
    editable(tx, ctx, projectId);
    const before = loadSystem(tx, projectId, input.systemId);
    assertVersion(before.version, input.expectedVersion);
    assertSystemNameFree(tx, projectId, input.name, before.id);
    const after = tx
      .update(externalSystems)
      .set({ name: input.name, kind: input.kind, description: input.description, version: before.version + 1 })
      .where(and(eq(externalSystems.id, before.id), eq(externalSystems.projectId, projectId), eq(externalSystems.version, before.version)))
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: "system.update",
      objectType: "external_system",
      objectId: before.id,
      projectId,
      before: { name: before.name, kind: before.kind, description: before.description },
      after: { name: after.name, kind: after.kind, description: after.description },
    });
    return after;
  }, immediate);
}

/** A system leaves the registry only without interfaces: removing interfaces is a decision of its own. */
export function deleteSystem(db: Db, ctx: RequestContext, projectId: string, input: z.infer<typeof deleteSystemSchema>): void {
  db.transaction((tx) => {
    editable(tx, ctx, projectId);
    const system = loadSystem(tx, projectId, input.systemId);
    assertVersion(system.version, input.expectedVersion);
    const count = tx.select({ n: sql<number>`count(*)` }).from(interfaces).where(eq(interfaces.systemId, system.id)).get()?.n ?? 0;
    if (count > 0) {
      throw new AppError(
        "rule_refused",
        `${system.name} still has ${count} interface${count === 1 ? "" : "s"}; remove them first.`,
        "system_has_interfaces",
      );
    }
    tx.delete(externalSystems).where(and(eq(externalSystems.id, system.id), eq(externalSystems.projectId, projectId))).run();
    recordAudit(tx, ctx, { action: "system.delete", objectType: "external_system", objectId: system.id, projectId, before: system });
  }, immediate);
}

export function createInterface(db: Db, ctx: RequestContext, projectId: string, input: z.infer<typeof createInterfaceSchema>): Interface {
  return db.transaction((tx) => {
    editable(tx, ctx, projectId);
    loadSystem(tx, projectId, input.systemId);
    assertInterfaceNameFree(tx, projectId, input.systemId, input.name);
    // New interfaces always start as designed: the status moves only through the workflow.
    const row = tx.insert(interfaces).values({ ...input, projectId, status: "designed" }).returning().get();
    recordAudit(tx, ctx, { action: "interface.create", objectType: "interface", objectId: row.id, projectId, after: input });
    return row;
  }, immediate);
}

export function updateInterface(db: Db, ctx: RequestContext, projectId: string, input: z.infer<typeof updateInterfaceSchema>): Interface {
  return db.transaction((tx) => {
    editable(tx, ctx, projectId);
    const before = loadInterface(tx, projectId, input.interfaceId);
    assertVersion(before.version, input.expectedVersion);
    loadSystem(tx, projectId, input.systemId);
    assertInterfaceNameFree(tx, projectId, input.systemId, input.name, before.id);
    const { interfaceId, expectedVersion, ...fields } = input;
    void interfaceId;
    void expectedVersion;
    const after = tx
      .update(interfaces)
      .set({ ...fields, version: before.version + 1 })
      .where(and(eq(interfaces.id, before.id), eq(interfaces.projectId, projectId), eq(interfaces.version, before.version)))
      .returning()
      .get();
    recordAudit(tx, ctx, { action: "interface.update", objectType: "interface", objectId: before.id, projectId, before, after: fields });
    return after;
  }, immediate);
}

export function changeInterfaceStatus(
  db: Db,
  ctx: RequestContext,
  projectId: string,
  input: z.infer<typeof changeInterfaceStatusSchema>,
): Interface {
  return db.transaction((tx) => {
    editable(tx, ctx, projectId);
    const before = loadInterface(tx, projectId, input.interfaceId);
    assertVersion(before.version, input.expectedVersion);
    const result = transitionInterface(before.status, { to: input.to, reason: input.reason });
    if (!result.ok) {
      throw new AppError(
        result.reason === "reason_required" ? "invalid_input" : "rule_refused",
        result.message,
        `interface_${result.reason}`,
        result.reason === "reason_required" ? { fieldErrors: { reason: [result.message] } } : undefined,
      );
    }
    const after = tx
      .update(interfaces)
      .set({ status: result.status, version: before.version + 1 })
      .where(and(eq(interfaces.id, before.id), eq(interfaces.projectId, projectId), eq(interfaces.version, before.version)))
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: result.audit.action,
      objectType: "interface",
      objectId: before.id,
      projectId,
      before: { status: result.audit.from },
      after: { status: result.audit.to, reason: result.audit.reason },
    });
    return after;
  }, immediate);
}

/** Live interfaces stay: take one back out of live (with a reason) before removing it. */
export function deleteInterface(db: Db, ctx: RequestContext, projectId: string, input: z.infer<typeof deleteInterfaceSchema>): void {
  db.transaction((tx) => {
    editable(tx, ctx, projectId);
    const row = loadInterface(tx, projectId, input.interfaceId);
    assertVersion(row.version, input.expectedVersion);
    if (row.status === "live") {
      throw new AppError("rule_refused", "A live interface cannot be removed; move it back out of live first, with a reason.", "interface_live");
    }
    tx.delete(interfaces).where(and(eq(interfaces.id, row.id), eq(interfaces.projectId, projectId))).run();
    recordAudit(tx, ctx, { action: "interface.delete", objectType: "interface", objectId: row.id, projectId, before: row });
  }, immediate);
}
