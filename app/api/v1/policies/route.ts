import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { listPoliciesOp } from "@/lib/contract/policies";
import { pageOf } from "@/lib/data/cursor";
import { listPublishedPolicies } from "@/lib/data/published-policies";

export const GET = route(listPoliciesOp, async ({ ctx, query }) => {
  const policies = await listPublishedPolicies(getDb(), ctx.actor, query);
  return pageOf(policies, query.limit, (policy) => [policy.name, policy.id]);
});
