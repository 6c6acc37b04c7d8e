// Setting a project up in one step: which gate policy it follows and who its key people are.
// Every check answers 422 with the field named, so nothing is written when one name is wrong.
import { asc, eq, inArray, isNull } from "drizzle-orm";
import { type DbOrTx, first } from "@/db/client";
import { gateBoardMembers, gatePolicies, gates, users, type ProjectRole, type User } from "@/db/schema";
import { currentDefaultPolicyVersion, latestPolicyVersion } from "@/lib/data/policy-versions";
import { canCreateProject, canHoldProjectRole, type Actor } from "@/lib/domain/permissions";
import { AppError, forbidden } from "@/lib/errors";

const invalid = (field: string, message: string, detail = message) =>
  new AppError("invalid_input", message, "invalid_input", { fieldErrors: { [field]: [detail] } });

/** The latest published version of the chosen policy (default: the light-gating policy). */
export async function policyVersionFor(tx: DbOrTx, policyId: string | undefined) {
  if (!policyId) return await currentDefaultPolicyVersion(tx);
  const policy = await first(
    tx.select({ id: gatePolicies.id }).from(gatePolicies).where(eq(gatePolicies.id, policyId)),
  );
  const version = policy ? await latestPolicyVersion(tx, policy.id) : undefined;
  if (!version) throw invalid("policyId", "Choose a published gate policy.", "Unknown gate policy.");
  return version;
}

/**
 * Why this account cannot hold this role on a project of this organisation, or null when it
 * can: an active account, a role that fits its side (vendor or client), and a client account
 * only on its own organisation's projects (it would otherwise see another client's project).
 */
export function membershipProblem(
  user: Pick<User, "role" | "organizationId" | "disabledAt"> | undefined,
  role: ProjectRole,
  organizationId: string,
) {
  if (!user || user.disabledAt) return { field: "userId", message: "Unknown or disabled account." };
  if (user.role === "client" && user.organizationId !== organizationId) {
    return { field: "userId", message: "Belongs to another client organisation." };
  }
  if (!canHoldProjectRole(user.role, role)) {
    return {
      field: "role",
      message:
        user.role === "client"
          ? "Client accounts can only hold client roles."
          : "Vendor accounts can only hold vendor roles.",
    };
  }
  return null;
}

export type KeyPerson = { userId: string; email: string; role: ProjectRole; board: boolean };

/** The client owner and other members named at creation, checked; duplicates collapse. */
export async function checkKeyPeople(
  tx: DbOrTx,
  organizationId: string,
  input: { clientOwnerId?: string; members?: { userId: string; role: ProjectRole; board?: boolean }[] },
): Promise<KeyPerson[]> {
  const named = [...(input.members ?? [])];
  const ids = [...new Set([...(input.clientOwnerId ? [input.clientOwnerId] : []), ...named.map((m) => m.userId)])];
  const accounts = new Map(
    ids.length ? (await tx.select().from(users).where(inArray(users.id, ids))).map((u) => [u.id, u]) : [],
  );
  const people = new Map<string, KeyPerson>();
  if (input.clientOwnerId) {
    const owner = accounts.get(input.clientOwnerId);
    if (!owner || owner.disabledAt || owner.role !== "client" || owner.organizationId !== organizationId) {
      throw invalid("clientOwnerId", "The client owner must be a client account of the project's organisation.");
    }
    people.set(`${owner.id}:client_owner`, {
      userId: owner.id,
      email: owner.email,
      role: "client_owner",
      board: false,
    });
  }
  named.forEach((member, i) => {
    const user = accounts.get(member.userId);
    const problem = membershipProblem(user, member.role, organizationId);
    if (problem) {
      const who = user ? user.email : `member ${i + 1}`;
      throw invalid("members", `${who}: ${problem.message}`);
    }
    const key = `${member.userId}:${member.role}`;
    const board = Boolean(member.board) || Boolean(people.get(key)?.board);
    people.set(key, { userId: member.userId, email: user!.email, role: member.role, board });
  });
  return [...people.values()];
}

/** Seats the people named as board members on every gate of the new project (vote not required). */
export async function seatOnEveryBoard(tx: DbOrTx, projectId: string, people: KeyPerson[]) {
  const userIds = [...new Set(people.filter((p) => p.board).map((p) => p.userId))];
  if (!userIds.length) return;
  const gateIds = await tx.select({ id: gates.id }).from(gates).where(eq(gates.projectId, projectId));
  await tx
    .insert(gateBoardMembers)
    .values(gateIds.flatMap((g) => userIds.map((userId) => ({ gateId: g.id, userId, required: false }))))
    // A seat the policy's default board gave them (maybe required) stays as it is.
    .onConflictDoNothing();
}

/** The accounts a PM can name when creating a project: active vendor staff and client accounts (with their
 * organisation). */
export async function keyPeopleCandidates(db: DbOrTx, actor: Actor) {
  if (!canCreateProject(actor)) throw forbidden("Only vendor staff can create projects.");
  return await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      organizationId: users.organizationId,
    })
    .from(users)
    .where(isNull(users.disabledAt))
    .orderBy(asc(users.name));
}
