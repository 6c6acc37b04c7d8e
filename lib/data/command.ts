// The one skeleton of every command (DESIGN.md §4): open the write transaction, load the project
// and the actor's access, load the object and check the version the caller saw (409
// stale_version), run the domain rule and write, then append the command's audit events, all or
// nothing. Data modules say only what differs: the permission, the object, the rule and the write.
import { type Db, type Tx, transaction } from "@/db/client";
import type { Project } from "@/db/schema";
import { type AuditInput, recordAudit, type RequestContext } from "@/lib/audit";
import {
  type AdminRefusal,
  assertVersion,
  loadProjectAccess,
  requireAdministrator,
  requireProjectPermission,
  type ProjectAccess,
} from "@/lib/data/access";
import type { Permission } from "@/lib/domain/permissions";

type Versioned = { version: number };

/** An audit event of a project command: on the command's project unless it says otherwise. */
export type CommandEvent = Omit<AuditInput, "projectId"> & { projectId?: string | null };

export type CommandScope<Target> = {
  tx: Tx;
  ctx: RequestContext;
  access: ProjectAccess;
  project: Project;
  /** The object loaded by `load`, its version already checked. */
  target: Target;
  /** Queues audit events; they are appended in order once the command has done its work. */
  audit: (...events: CommandEvent[]) => void;
};

export type ProjectCommand<Target extends Versioned | undefined, Result> = {
  projectId: string;
  /**
   * The permission the command needs: 404 when the project is invisible, 403 when not allowed.
   * `"view"` when seeing the project is enough and the domain rule decides who may act (a
   * board member's vote, a guardian's sign-off).
   */
  permission: Permission | "view";
  /** Loads the object the command changes (404 when absent); without it the project is the object. */
  load?: (tx: Tx, project: Project) => Promise<Target>;
  /** The version the caller saw: a different current version is refused with 409 stale_version. */
  expectedVersion?: number;
  /** The domain rule and the write; throws an AppError to refuse, which rolls everything back. */
  run: (scope: CommandScope<Target>) => Promise<Result>;
};

/** Runs a command on one project through the one skeleton; see the file's header. */
export async function projectCommand<Target extends Versioned | undefined = undefined, Result = void>(
  db: Db,
  ctx: RequestContext,
  command: ProjectCommand<Target, Result>,
): Promise<Result> {
  return await commandTransaction(db, ctx, command.projectId, async ({ tx, audit }) => {
    const access =
      command.permission === "view"
        ? await loadProjectAccess(tx, ctx.actor, command.projectId)
        : await requireProjectPermission(tx, ctx.actor, command.projectId, command.permission);
    const target = command.load ? await command.load(tx, access.project) : (undefined as Target);
    assertVersion((target ?? access.project).version, command.expectedVersion);
    return await command.run({
      tx,
      ctx,
      access,
      project: access.project,
      target,
      audit: (...events) =>
        audit(
          ...events.map((event) => ({
            ...event,
            projectId: event.projectId === undefined ? access.project.id : event.projectId,
          })),
        ),
    });
  });
}

export type CommandWork<Result> = (scope: {
  tx: Tx;
  ctx: RequestContext;
  audit: (...events: AuditInput[]) => void;
}) => Promise<Result>;

/**
 * The skeleton without a project: the actor's own account (password, sessions, API tokens) or a
 * project that does not exist yet. The caller has authorized; the work runs in one transaction and
 * its audit events are appended, in order, once it is done. projectCommand and adminCommand build on it.
 */
export async function ownCommand<Result>(db: Db, ctx: RequestContext, work: CommandWork<Result>): Promise<Result> {
  return await commandTransaction(db, ctx, undefined, work);
}

/** A project's command waits only for writers of the same project until it appends (db/client.ts). */
async function commandTransaction<Result>(
  db: Db,
  ctx: RequestContext,
  projectId: string | undefined,
  work: CommandWork<Result>,
): Promise<Result> {
  return await transaction(
    db,
    async (tx) => {
      const events: AuditInput[] = [];
      const result = await work({ tx, ctx, audit: (...more) => events.push(...more) });
      for (const event of events) await recordAudit(tx, ctx, event);
      return result;
    },
    projectId,
  );
}

/**
 * Runs an installation-wide command (accounts, invitations, policies, the quality scale): only
 * administrators, refused before any transaction opens.
 */
export async function adminCommand<Result>(
  db: Db,
  ctx: RequestContext,
  work: CommandWork<Result>,
  refusal: AdminRefusal = "Only administrators can do this.",
): Promise<Result> {
  requireAdministrator(ctx.actor, refusal);
  return await ownCommand(db, ctx, work);
}
