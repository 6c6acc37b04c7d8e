import { sql } from "drizzle-orm";
import { getDb, rows } from "@/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await rows(getDb(), sql`select 1`);
    return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error(error);
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
