// Training modules and their materials (links, and files kept in the uploads folder). A change to
// a required module or its pass mark recomputes the guardians' statuses in the same transaction.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { type Db, type DbOrTx, first, one } from "@/db/client";
import { trainingMaterials, trainingModules } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { loadProjectAccess, requireProjectPermission } from "@/lib/data/access";
import { type CommandScope, projectCommand } from "@/lib/data/command";
import { afterKey, decodeCursor } from "@/lib/data/cursor";
import { moduleColumns, projectModules, recomputeGuardianStatuses } from "@/lib/data/guardians";
import type { Actor } from "@/lib/domain/permissions";
import { discardUpload, readUpload, storeUpload } from "@/lib/data/uploads";
import { AppError, notFound } from "@/lib/errors";
import type { addMaterialLinkInput } from "@/lib/contract/training";
import type { createModuleSchema, updateModuleSchema } from "@/lib/validation/readiness";

type Module = typeof trainingModules.$inferSelect;

/** Every training change (modules, sessions, attendance) needs training.manage on the project (lib/data/command
 * skeleton). */
export const trainingCommand = <Result>(
  db: Db,
  ctx: RequestContext,
  projectId: string,
  run: (scope: CommandScope<undefined>) => Promise<Result>,
) => projectCommand(db, ctx, { projectId, permission: "training.manage", run });

/** The project's modules with their materials: required ones first, in the order people learn them. */
export async function listModulesWithMaterials(db: DbOrTx, actor: Actor, projectId: string) {
  await loadProjectAccess(db, actor, projectId);
  return await withMaterials(db, await projectModules(db, projectId));
}

/** A page of modules with their materials (API v1): at most `limit + 1` after the cursor's (createdAt, id). */
export async function pageModulesWithMaterials(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  page: { limit: number; cursor?: string | null },
) {
  await loadProjectAccess(db, actor, projectId);
  return await withMaterials(db, await modulePage(db, projectId, page));
}

async function withMaterials<M extends { id: string }>(db: DbOrTx, modules: M[]) {
  const materials = modules.length
    ? await db
        .select()
        .from(trainingMaterials)
        .where(
          inArray(
            trainingMaterials.moduleId,
            modules.map((m) => m.id),
          ),
        )
        .orderBy(asc(trainingMaterials.createdAt))
    : [];
  // The stored file name is an internal detail: downloads go through readMaterialFile.
  const visible = materials.map(({ storedName, ...rest }) => {
    void storedName;
    return rest;
  });
  return modules.map((m) => ({ ...m, materials: visible.filter((x) => x.moduleId === m.id) }));
}

async function modulePage(db: DbOrTx, projectId: string, page: { limit: number; cursor?: string | null }) {
  const after = page.cursor ? decodeCursor(page.cursor, ["string", "string"]) : null;
  return await db
    .select({ ...moduleColumns, createdAt: trainingModules.createdAt })
    .from(trainingModules)
    .where(
      and(eq(trainingModules.projectId, projectId), afterKey([trainingModules.createdAt, trainingModules.id], after)),
    )
    .orderBy(asc(trainingModules.createdAt), asc(trainingModules.id))
    .limit(page.limit + 1);
}

/** One of this project's modules, or a 422 on `field`: sessions are scheduled for a module too. */
export async function loadModule(tx: DbOrTx, projectId: string, moduleId: string, field = "moduleId"): Promise<Module> {
  const trainingModule = await first(
    tx
      .select()
      .from(trainingModules)
      .where(and(eq(trainingModules.id, moduleId), eq(trainingModules.projectId, projectId))),
  );
  if (!trainingModule) {
    throw new AppError(
      "invalid_input",
      "Choose one of this project's training modules.",
      "invalid_input",
      {
        fieldErrors: { [field]: ["Unknown training module."] },
      },
      { problem: "chooseTrainingModule", fields: { [field]: "unknownTrainingModule" } },
    );
  }
  return trainingModule;
}

export async function createModule(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof createModuleSchema>,
): Promise<Module> {
  return await trainingCommand(db, ctx, input.projectId, async ({ tx, project, audit }) => {
    const { projectId, ...fields } = input;
    void projectId;
    const trainingModule = await one(
      tx
        .insert(trainingModules)
        .values({ ...fields, projectId: project.id })
        .returning(),
    );
    audit({
      action: "training.module.create",
      objectType: "training_module",
      objectId: trainingModule.id,
      after: trainingModule,
    });
    // A new required module un-certifies whoever has not passed it yet.
    if (trainingModule.required) await recomputeGuardianStatuses(tx, audit, project.id);
    return trainingModule;
  });
}

export async function updateModule(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof updateModuleSchema>,
): Promise<Module> {
  return await trainingCommand(db, ctx, input.projectId, async ({ tx, project, audit }) => {
    const before = await loadModule(tx, project.id, input.moduleId);
    const updated = await one(
      tx
        .update(trainingModules)
        .set({ name: input.name, description: input.description, required: input.required, passMark: input.passMark })
        .where(and(eq(trainingModules.id, before.id), eq(trainingModules.projectId, project.id)))
        .returning(),
    );
    audit({
      action: "training.module.update",
      objectType: "training_module",
      objectId: before.id,
      before,
      after: updated,
    });
    if (before.required !== updated.required || before.passMark !== updated.passMark)
      await recomputeGuardianStatuses(tx, audit, project.id);
    return updated;
  });
}

export async function addMaterialLink(db: Db, ctx: RequestContext, input: z.infer<typeof addMaterialLinkInput>) {
  return await trainingCommand(db, ctx, input.projectId, async ({ tx, project, audit }) => {
    const trainingModule = await loadModule(tx, project.id, input.moduleId);
    const material = await one(
      tx
        .insert(trainingMaterials)
        .values({ moduleId: trainingModule.id, title: input.title, kind: "link", url: input.url })
        .returning(),
    );
    audit({ action: "training.material.add", objectType: "training_material", objectId: material.id, after: material });
    return material;
  });
}

/** A file material: checked and stored before the transaction, discarded if it fails. */
export async function addMaterialFile(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; moduleId: string; title: string; fileName: string; bytes: Buffer },
) {
  // Cheap checks before touching the disk; repeated inside the transaction.
  await requireProjectPermission(db, ctx.actor, input.projectId, "training.manage");
  await loadModule(db, input.projectId, input.moduleId);
  const stored = storeUpload(input.fileName, input.bytes);
  try {
    return await trainingCommand(db, ctx, input.projectId, async ({ tx, project, audit }) => {
      const trainingModule = await loadModule(tx, project.id, input.moduleId);
      const material = await one(
        tx
          .insert(trainingMaterials)
          .values({ moduleId: trainingModule.id, title: input.title || stored.fileName, kind: "file", ...stored })
          .returning(),
      );
      const { storedName, ...audited } = material;
      void storedName;
      audit({
        action: "training.material.add",
        objectType: "training_material",
        objectId: material.id,
        after: audited,
      });
      return material;
    });
  } catch (error) {
    discardUpload(stored.storedName);
    throw error;
  }
}

/** The bytes of a file material, for a download with attachment headers. */
export async function readMaterialFile(db: DbOrTx, actor: Actor, projectId: string, materialId: string) {
  await loadProjectAccess(db, actor, projectId);
  const material = (
    await first(
      db
        .select({ material: trainingMaterials })
        .from(trainingMaterials)
        .innerJoin(trainingModules, eq(trainingModules.id, trainingMaterials.moduleId))
        .where(and(eq(trainingMaterials.id, materialId), eq(trainingModules.projectId, projectId))),
    )
  )?.material;
  if (!material || material.kind !== "file" || !material.storedName) throw notFound("This material");
  return {
    file: {
      fileName: material.fileName ?? "material",
      mediaType: material.mediaType ?? "application/octet-stream",
      size: material.size ?? 0,
    },
    bytes: readUpload(material.storedName),
  };
}
