import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { listPublishedPolicies } from "@/lib/data/published-policies";

export const GET = apiRoute((_request, ctx) => ({ items: listPublishedPolicies(getDb(), ctx.actor) }));
