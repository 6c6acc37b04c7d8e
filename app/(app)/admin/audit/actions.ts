"use server";

import { z } from "zod";
import { getDb } from "@/db/client";
import { verifyChain } from "@/lib/data/audit-trail";
import { action } from "@/lib/guard";

export const verifyChainAction = action(z.object({}), async (ctx) => await verifyChain(getDb(), ctx.actor));
