// The contract of a project's members and their roles (DESIGN.md §3).
import { z } from "zod";
import { PROJECT_ROLES } from "@/db/enums";
import { newMemberSchema, removeMemberQuery } from "@/lib/validation/projects";
import { operation } from "./operation";
import { id, pageOf, pageQuery, projectPath } from "./shared";

const memberPath = projectPath.extend({ userId: id("user") });

export const Member = z
  .object({ userId: z.uuid(), email: z.string(), name: z.string(), roles: z.array(z.enum(PROJECT_ROLES)) })
  .meta({ id: "Member" });

export const listMembersOp = operation({
  id: "listMembers",
  method: "get",
  path: "/api/v1/projects/{projectId}/members",
  tag: "Members",
  summary: "The project's members and their roles, by name",
  params: projectPath,
  query: pageQuery(50),
  success: { status: 200, description: "A page of members", schema: pageOf(Member) },
  errors: [422],
});

export const addMemberOp = operation({
  id: "addMember",
  method: "post",
  path: "/api/v1/projects/{projectId}/members",
  tag: "Members",
  summary: "Give a user (by `userId` or `email`) a role on the project (PM)",
  params: projectPath,
  body: newMemberSchema.meta({ id: "MemberInput" }),
  success: { status: 201, description: "The member with all their roles", schema: Member },
  errors: [403, 409],
});

export const removeMemberOp = operation({
  id: "removeMember",
  method: "delete",
  path: "/api/v1/projects/{projectId}/members/{userId}",
  tag: "Members",
  summary: "Remove one role (`?role=`) or, without it, every role of the member (PM)",
  params: memberPath,
  query: removeMemberQuery,
  success: { status: 204, description: "Removed" },
  errors: [403, 409, 422],
});

export const memberOperations = [listMembersOp, addMemberOp, removeMemberOp];
