// Project members and the published gate policies over HTTP: each answer held to its declared
// schema and to the document.
import { beforeEach, describe, expect, it } from "vitest";
import * as policiesRoute from "@/app/api/v1/policies/route";
import * as memberRoute from "@/app/api/v1/projects/[projectId]/members/[userId]/route";
import * as membersRoute from "@/app/api/v1/projects/[projectId]/members/route";
import { addMemberOp, listMembersOp, removeMemberOp } from "@/lib/contract/members";
import { listPoliciesOp } from "@/lib/contract/policies";
import { ensurePolicyTemplates } from "@/lib/data/policy-versions";
import { type ApiWorld, apiWorld } from "@/lib/testing/api-world";
import { makeUser } from "@/lib/testing/fixtures";

let { db, world, api } = {} as ApiWorld;
let projectId: string;

type Page = { items: { userId: string; name: string; roles: string[] }[]; nextCursor: string | null };

beforeEach(async () => {
  ({ db, world, api } = await apiWorld());
  projectId = world.project.id;
});

describe("members over HTTP", () => {
  it("adds, lists page by page and removes members", async () => {
    const newcomer = await makeUser(db, "staff");
    const added = await api.call(membersRoute.POST, addMemberOp, {
      as: world.pm,
      params: { projectId },
      body: { email: newcomer.email.toUpperCase(), role: "team_member" },
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      userId: newcomer.id,
      email: newcomer.email,
      name: expect.any(String),
      roles: ["team_member"],
    });
    const again = await api.call(membersRoute.POST, addMemberOp, {
      as: world.pm,
      params: { projectId },
      body: { userId: newcomer.id, role: "integrator" },
    });
    expect((again.body as { roles: string[] }).roles.sort()).toEqual(["integrator", "team_member"]);

    const all = await api.call(membersRoute.GET, listMembersOp, { as: world.viewer, params: { projectId } });
    const everyone = (all.body as Page).items;
    expect(everyone).toHaveLength(7);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = (
        await api.call(membersRoute.GET, listMembersOp, {
          as: world.viewer,
          params: { projectId },
          query: cursor ? { limit: 4, cursor } : { limit: 4 },
        })
      ).body as Page;
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...page.items.map((m) => m.userId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(everyone.map((m) => m.userId));

    const oneRole = await api.call(memberRoute.DELETE, removeMemberOp, {
      as: world.pm,
      params: { projectId, userId: newcomer.id },
      query: { role: "integrator" },
    });
    expect(oneRole.status).toBe(204);
    const gone = await api.call(memberRoute.DELETE, removeMemberOp, {
      as: world.pm,
      params: { projectId, userId: newcomer.id },
    });
    expect(gone.status).toBe(204);
    const after = await api.call(membersRoute.GET, listMembersOp, { as: world.pm, params: { projectId } });
    expect((after.body as Page).items.map((m) => m.userId)).not.toContain(newcomer.id);
  });

  it("names each invalid field", async () => {
    const refused = await api.call(membersRoute.POST, addMemberOp, {
      as: world.pm,
      params: { projectId },
      body: { email: "not an email", role: "chief" },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ errors: { email: expect.any(Array), role: expect.any(Array) } });
    const badRole = await api.call(memberRoute.DELETE, removeMemberOp, {
      as: world.pm,
      params: { projectId, userId: world.viewer.id },
      query: { role: "chief" },
    });
    expect(badRole.status).toBe(422);
    const badCursor = await api.call(membersRoute.GET, listMembersOp, {
      as: world.pm,
      params: { projectId },
      query: { cursor: "x" },
    });
    expect(badCursor.body).toMatchObject({ errors: { cursor: expect.any(Array) } });
  });

  it("another account cannot see or change the members", async () => {
    for (const stranger of [world.otherViewer, world.outsiderStaff]) {
      expect((await api.call(membersRoute.GET, listMembersOp, { as: stranger, params: { projectId } })).status).toBe(
        404,
      );
      const removal = await api.call(memberRoute.DELETE, removeMemberOp, {
        as: stranger,
        params: { projectId, userId: world.viewer.id },
      });
      expect(removal.status).toBe(404);
    }
    const byViewer = await api.call(membersRoute.POST, addMemberOp, {
      as: world.viewer,
      params: { projectId },
      body: { userId: world.outsiderStaff.id, role: "team_member" },
    });
    expect(byViewer.status).toBe(403);
    const list = await api.call(membersRoute.GET, listMembersOp, { as: world.pm, params: { projectId } });
    expect((list.body as Page).items.map((m) => m.userId)).not.toContain(world.outsiderStaff.id);
  });
});

describe("published policies over HTTP", () => {
  it("lists every policy's latest version page by page, for vendor staff only", async () => {
    await ensurePolicyTemplates(db);
    const all = await api.call(policiesRoute.GET, listPoliciesOp, { as: world.pm });
    const policies = (all.body as { items: { id: string; isDefault: boolean }[] }).items;
    expect(policies.length).toBeGreaterThanOrEqual(2);
    expect(policies.filter((p) => p.isDefault)).toHaveLength(1);
    const first = await api.call(policiesRoute.GET, listPoliciesOp, { as: world.pm, query: { limit: 1 } });
    const page1 = first.body as { items: { id: string }[]; nextCursor: string };
    const second = await api.call(policiesRoute.GET, listPoliciesOp, {
      as: world.pm,
      query: { limit: 1, cursor: page1.nextCursor },
    });
    expect([...page1.items, ...(second.body as { items: { id: string }[] }).items].map((p) => p.id)).toEqual(
      policies.slice(0, 2).map((p) => p.id),
    );
    const badCursor = await api.call(policiesRoute.GET, listPoliciesOp, { as: world.pm, query: { cursor: "x" } });
    expect(badCursor.status).toBe(422);
    expect((await api.call(policiesRoute.GET, listPoliciesOp, { as: world.owner })).status).toBe(403);
  });
});
