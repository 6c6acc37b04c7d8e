import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { listPublishedPolicies } from "@/lib/data/published-policies";

export const GET = apiRoute(async (_request, ctx) => ({ items: await listPublishedPolicies(getDb(), ctx.actor) }));
