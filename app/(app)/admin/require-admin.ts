import { notFound } from "next/navigation";
import { canAdminister, type Actor } from "@/lib/domain/permissions";
import { requireActor } from "@/lib/session";

/** Admin pages do not exist for anyone else. */
export async function requireAdminPage(): Promise<Actor> {
  const actor = await requireActor();
  if (!canAdminister(actor)) notFound();
  return actor;
}
