// Setting a project up in one step: which gate policy it follows and who its key people are.
// Every check answers 422 with the field named, so nothing is written when one name is wrong.
import { asc, eq, inArray, isNull } from "drizzle-orm";
import { type DbOrTx, first } from "@/db/client";
import { gateBoardMembers, gatePolicies, gates, users, type ProjectRole, type User } from "@/db/schema";
import { currentDefaultPolicyVersion, latestPolicyVersion } from "@/lib/data/policy-versions";
import { canCreateProject, canHoldProjectRole, type Actor } from "@/lib/domain/permissions";
import { AppError, forbidden, type Saying } from "@/lib/errors";
import type { ProblemKey } from "@/lib/refusal-words";

/** 422 on one field; `detail`, the field's own message where it differs, comes with its key. */
const invalid = (field: string, message: string, saying: Saying, detail?: [string, ProblemKey]) =>
  new AppError(
    "invalid_input",
    message,
    "invalid_input",
    { fieldErrors: { [field]: [detail?.[0] ?? message] } },
    detail ? { ...saying, fields: { [field]: detail[1] } } : saying,
  );

/** The latest published version of the chosen policy (default: the light-gating policy). */
export async function policyVersionFor(tx: DbOrTx, policyId: string | undefined) {
  if (!policyId) return await currentDefaultPolicyVersion(tx);
  const policy = await first(
    tx.select({ id: gatePolicies.id }).from(gatePolicies).where(eq(gatePolicies.id, policyId)),
  );
  const version = policy ? await latestPolicyVersion(tx, policy.id) : undefined;
  if (!version)
    throw invalid("policyId", "Choose a published gate policy.", { problem: "chooseGatePolicy" }, [
      "Unknown gate policy.",
      "unknownGatePolicy",
    ]);
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
  if (!user || user.disabledAt)
    return { field: "userId", message: "Unknown or disabled account.", problem: "accountUnknownOrDisabled" } as const;
  if (user.role === "client" && user.organizationId !== organizationId) {
    return {
      field: "userId",
      message: "Belongs to another client organisation.",
      problem: "accountOtherOrganisation",
    } as const;
  }
  if (!canHoldProjectRole(user.role, role)) {
    return user.role === "client"
      ? ({ field: "role", message: "Client accounts can only hold client roles.", problem: "clientRolesOnly" } as const)
      : ({
          field: "role",
          message: "Vendor accounts can only hold vendor roles.",
          problem: "vendorRolesOnly",
        } as const);
  }
  return null;
}

/** The sentence of a named member's problem, which starts with who it is (their email, or their place). */
export function memberSaying(
  problem: MembershipProblem["problem"],
  email: string | undefined,
  position: number,
): Saying {
  if (!email) return { problem: "memberWithoutAccount", params: { position } };
  const key = {
    accountUnknownOrDisabled: "memberUnknownOrDisabled",
    accountOtherOrganisation: "memberOtherOrganisation",
    clientRolesOnly: "memberClientRolesOnly",
    vendorRolesOnly: "memberVendorRolesOnly",
  } as const;
  return { problem: key[problem], params: { email } };
}

type MembershipProblem = NonNullable<ReturnType<typeof membershipProblem>>;

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
      throw invalid("clientOwnerId", "The client owner must be a client account of the project's organisation.", {
        problem: "clientOwnerAccount",
      });
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
      throw invalid("members", `${who}: ${problem.message}`, memberSaying(problem.problem, user?.email, i + 1));
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
  if (!canCreateProject(actor))
    throw forbidden("Only vendor staff can create projects.", { problem: "vendorCreatesProjects" });
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
