import { notFound } from "next/navigation";
import type { Actor } from "@/lib/domain/permissions";
import { requireActor } from "@/lib/session";

/** Admin pages do not exist for anyone else. */
export async function requireAdminPage(): Promise<Actor> {
  const actor = await requireActor();
  if (actor.role !== "admin") notFound();
  return actor;
}
