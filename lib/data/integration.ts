// The integration registry of a project: external systems and their interfaces (DESIGN.md §2).
// Every write goes through projectCommand: authorize (integration.edit) → rule → write scoped by
// project → audit; rows carry a version for optimistic concurrency.
import { type AnyColumn, and, asc, eq, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, type DbOrTx, type Tx, first, one } from "@/db/client";
import { externalSystems, interfaces } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { loadProjectAccess } from "@/lib/data/access";
import { afterKey, decodeCursor } from "@/lib/data/cursor";
import { projectCommand } from "@/lib/data/command";
import { transitionInterface } from "@/lib/domain/interface";
import type { Actor } from "@/lib/domain/permissions";
import { AppError, notFound, refused } from "@/lib/errors";
import type { changeInterfaceStatusInput, createInterfaceOp, createSystemOp } from "@/lib/contract/integration";
import type {
  deleteInterfaceSchema,
  deleteSystemSchema,
  updateInterfaceSchema,
  updateSystemSchema,
} from "@/lib/validation/integration";

export type ExternalSystem = typeof externalSystems.$inferSelect;
export type Interface = typeof interfaces.$inferSelect;

type Page = { limit: number; cursor?: string | null };

/** Rows after the cursor's (name, id), for a list ordered by name then id. */
const afterNameAndId = (name: AnyColumn, id: AnyColumn, cursor?: string | null) =>
  afterKey([name, id], cursor ? decodeCursor(cursor, ["string", "string"]) : null, "asc");

/** The project's systems by name (then id): all of them, or `limit + 1` after the cursor's (name, id). */
export async function listSystems(db: DbOrTx, projectId: string, page?: Page): Promise<ExternalSystem[]> {
  const query = db
    .select()
    .from(externalSystems)
    .where(
      and(
        eq(externalSystems.projectId, projectId),
        afterNameAndId(externalSystems.name, externalSystems.id, page?.cursor),
      ),
    )
    .orderBy(asc(externalSystems.name), asc(externalSystems.id));
  return await (page ? query.limit(page.limit + 1) : query);
}

/** The project's interfaces by name (then id): all of them, or `limit + 1` after the cursor's (name, id). */
export async function listInterfaces(db: DbOrTx, projectId: string, page?: Page): Promise<Interface[]> {
  const query = db
    .select()
    .from(interfaces)
    .where(and(eq(interfaces.projectId, projectId), afterNameAndId(interfaces.name, interfaces.id, page?.cursor)))
    .orderBy(asc(interfaces.name), asc(interfaces.id));
  return await (page ? query.limit(page.limit + 1) : query);
}

/** The key a page of systems or interfaces is ordered by, as its cursor carries it. */
export const registryCursorKey = (row: { name: string; id: string }) => [row.name, row.id];

/** A page of the registry's systems, for someone who may see the project. */
export async function pageSystems(db: DbOrTx, actor: Actor, projectId: string, page: Page) {
  await loadProjectAccess(db, actor, projectId);
  return await listSystems(db, projectId, page);
}

/** A page of the registry's interfaces, for someone who may see the project. */
export async function pageInterfaces(db: DbOrTx, actor: Actor, projectId: string, page: Page) {
  await loadProjectAccess(db, actor, projectId);
  return await listInterfaces(db, projectId, page);
}

/** The registry as the actor may see it, with what the actor may do. */
export async function getIntegrationRegistry(db: DbOrTx, actor: Actor, projectId: string) {
  const access = await loadProjectAccess(db, actor, projectId);
  return {
    project: access.project,
    systems: await listSystems(db, projectId),
    interfaces: await listInterfaces(db, projectId),
    canEdit: access.can("integration.edit"),
    // Freezing the diagram submits a gate artifact version: the artifact submitters' right.
    canFreeze: access.can("artifact.submit"),
  };
}

async function loadSystem(tx: DbOrTx, projectId: string, systemId: string): Promise<ExternalSystem> {
  const system = await first(
    tx
      .select()
      .from(externalSystems)
      .where(and(eq(externalSystems.id, systemId), eq(externalSystems.projectId, projectId))),
  );
  if (!system) throw notFound("This system");
  return system;
}

async function loadInterface(tx: DbOrTx, projectId: string, interfaceId: string): Promise<Interface> {
  const row = await first(
    tx
      .select()
      .from(interfaces)
      .where(and(eq(interfaces.id, interfaceId), eq(interfaces.projectId, projectId))),
  );
  if (!row) throw notFound("This interface");
  return row;
}

async function assertSystemNameFree(tx: Tx, projectId: string, name: string, exceptId?: string) {
  const clash = await first(
    tx
      .select({ id: externalSystems.id })
      .from(externalSystems)
      .where(
        and(
          eq(externalSystems.projectId, projectId),
          sql`lower(${externalSystems.name}) = lower(${name})`,
          exceptId ? ne(externalSystems.id, exceptId) : undefined,
        ),
      ),
  );
  if (clash) {
    throw new AppError(
      "invalid_input",
      "A system with this name is already registered.",
      "duplicate_name",
      {
        fieldErrors: { name: ["A system with this name is already registered on this project."] },
      },
      { problem: "systemNameTaken", fields: { name: "systemNameTakenInProject" } },
    );
  }
}

async function assertInterfaceNameFree(tx: Tx, projectId: string, systemId: string, name: string, exceptId?: string) {
  const clash = await first(
    tx
      .select({ id: interfaces.id })
      .from(interfaces)
      .where(
        and(
          eq(interfaces.projectId, projectId),
          eq(interfaces.systemId, systemId),
          sql`lower(${interfaces.name}) = lower(${name})`,
          exceptId ? ne(interfaces.id, exceptId) : undefined,
        ),
      ),
  );
  if (clash) {
    throw new AppError(
      "invalid_input",
      "This system already has an interface with this name.",
      "duplicate_name",
      {
        fieldErrors: { name: ["This system already has an interface with this name."] },
      },
      { problem: "interfaceNameTaken" },
    );
  }
}

export async function createSystem(
  db: Db,
  ctx: RequestContext,
  projectId: string,
  input: z.infer<typeof createSystemOp.body>,
): Promise<ExternalSystem> {
  return await projectCommand(db, ctx, {
    projectId,
    permission: "integration.edit",
    run: async ({ tx, audit }) => {
      await assertSystemNameFree(tx, projectId, input.name);
      const system = await one(
        tx
          .insert(externalSystems)
          .values({ ...input, projectId })
          .returning(),
      );
      audit({ action: "system.create", objectType: "external_system", objectId: system.id, after: input });
      return system;
    },
  });
}

export async function updateSystem(
  db: Db,
  ctx: RequestContext,
  projectId: string,
  input: z.infer<typeof updateSystemSchema>,
): Promise<ExternalSystem> {
  return await projectCommand(db, ctx, {
    projectId,
    permission: "integration.edit",
    load: (tx) => loadSystem(tx, projectId, input.systemId),
    expectedVersion: input.expectedVersion,
    run: async ({ tx, target: before, audit }) => {
      await assertSystemNameFree(tx, projectId, input.name, before.id);
      const after = await one(
        tx
          .update(externalSystems)
          .set({ name: input.name, kind: input.kind, description: input.description, version: before.version + 1 })
          .where(
            and(
              eq(externalSystems.id, before.id),
              eq(externalSystems.projectId, projectId),
              eq(externalSystems.version, before.version),
            ),
          )
          .returning(),
      );
      audit({
        action: "system.update",
        objectType: "external_system",
        objectId: before.id,
        before: { name: before.name, kind: before.kind, description: before.description },
        after: { name: after.name, kind: after.kind, description: after.description },
      });
      return after;
    },
  });
}

/** A system leaves the registry only without interfaces: removing interfaces is a decision of its own. */
export async function deleteSystem(
  db: Db,
  ctx: RequestContext,
  projectId: string,
  input: z.infer<typeof deleteSystemSchema>,
): Promise<void> {
  await projectCommand(db, ctx, {
    projectId,
    permission: "integration.edit",
    load: (tx) => loadSystem(tx, projectId, input.systemId),
    expectedVersion: input.expectedVersion,
    run: async ({ tx, target: system, audit }) => {
      const count =
        (
          await first(
            tx
              .select({ n: sql<number>`count(*)` })
              .from(interfaces)
              .where(eq(interfaces.systemId, system.id)),
          )
        )?.n ?? 0;
      if (count > 0) {
        throw new AppError(
          "rule_refused",
          `${system.name} still has ${count} interface${count === 1 ? "" : "s"}; remove them first.`,
          "system_has_interfaces",
          undefined,
          { problem: "systemHasInterfaces", params: { name: system.name, count } },
        );
      }
      await tx
        .delete(externalSystems)
        .where(and(eq(externalSystems.id, system.id), eq(externalSystems.projectId, projectId)));
      audit({ action: "system.delete", objectType: "external_system", objectId: system.id, before: system });
    },
  });
}

export async function createInterface(
  db: Db,
  ctx: RequestContext,
  projectId: string,
  input: z.infer<typeof createInterfaceOp.body>,
): Promise<Interface> {
  return await projectCommand(db, ctx, {
    projectId,
    permission: "integration.edit",
    run: async ({ tx, audit }) => {
      await loadSystem(tx, projectId, input.systemId);
      await assertInterfaceNameFree(tx, projectId, input.systemId, input.name);
      // New interfaces always start as designed: the status moves only through the workflow.
      const row = await one(
        tx
          .insert(interfaces)
          .values({ ...input, projectId, status: "designed" })
          .returning(),
      );
      audit({ action: "interface.create", objectType: "interface", objectId: row.id, after: input });
      return row;
    },
  });
}

export async function updateInterface(
  db: Db,
  ctx: RequestContext,
  projectId: string,
  input: z.infer<typeof updateInterfaceSchema>,
): Promise<Interface> {
  return await projectCommand(db, ctx, {
    projectId,
    permission: "integration.edit",
    load: (tx) => loadInterface(tx, projectId, input.interfaceId),
    expectedVersion: input.expectedVersion,
    run: async ({ tx, target: before, audit }) => {
      await loadSystem(tx, projectId, input.systemId);
      await assertInterfaceNameFree(tx, projectId, input.systemId, input.name, before.id);
      const { interfaceId, expectedVersion, ...fields } = input;
      void interfaceId;
      void expectedVersion;
      const after = await one(
        tx
          .update(interfaces)
          .set({ ...fields, version: before.version + 1 })
          .where(
            and(
              eq(interfaces.id, before.id),
              eq(interfaces.projectId, projectId),
              eq(interfaces.version, before.version),
            ),
          )
          .returning(),
      );
      audit({ action: "interface.update", objectType: "interface", objectId: before.id, before, after: fields });
      return after;
    },
  });
}

export async function changeInterfaceStatus(
  db: Db,
  ctx: RequestContext,
  projectId: string,
  input: Omit<z.infer<typeof changeInterfaceStatusInput>, "projectId">,
): Promise<Interface> {
  return await projectCommand(db, ctx, {
    projectId,
    permission: "integration.edit",
    load: (tx) => loadInterface(tx, projectId, input.interfaceId),
    expectedVersion: input.expectedVersion,
    run: async ({ tx, target: before, audit }) => {
      const result = transitionInterface(before.status, { to: input.to, reason: input.reason });
      if (!result.ok) refused(result.refusal);
      const after = await one(
        tx
          .update(interfaces)
          .set({ status: result.status, version: before.version + 1 })
          .where(
            and(
              eq(interfaces.id, before.id),
              eq(interfaces.projectId, projectId),
              eq(interfaces.version, before.version),
            ),
          )
          .returning(),
      );
      audit({
        action: result.audit.action,
        objectType: "interface",
        objectId: before.id,
        before: { status: result.audit.from },
        after: { status: result.audit.to, reason: result.audit.reason },
      });
      return after;
    },
  });
}

/** Live interfaces stay: take one back out of live (with a reason) before removing it. */
export async function deleteInterface(
  db: Db,
  ctx: RequestContext,
  projectId: string,
  input: z.infer<typeof deleteInterfaceSchema>,
): Promise<void> {
  await projectCommand(db, ctx, {
    projectId,
    permission: "integration.edit",
    load: (tx) => loadInterface(tx, projectId, input.interfaceId),
    expectedVersion: input.expectedVersion,
    run: async ({ tx, target: row, audit }) => {
      if (row.status === "live") {
        throw new AppError(
          "rule_refused",
          "A live interface cannot be removed; move it back out of live first, with a reason.",
          "interface_live",
          undefined,
          { problem: "interfaceLive" },
        );
      }
      await tx.delete(interfaces).where(and(eq(interfaces.id, row.id), eq(interfaces.projectId, projectId)));
      audit({ action: "interface.delete", objectType: "interface", objectId: row.id, before: row });
    },
  });
}
