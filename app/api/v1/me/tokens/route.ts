import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { listOwnTokensOp } from "@/lib/contract/me";
import { listApiTokens } from "@/lib/data/tokens";

export const GET = route(listOwnTokensOp, async ({ ctx }) => ({ items: await listApiTokens(getDb(), ctx.actor) }));
