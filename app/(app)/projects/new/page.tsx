import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/ui/page-header";
import { listOrganizations } from "@/lib/data/accounts";
import { canCreateProject } from "@/lib/domain/permissions";
import { requireActor } from "@/lib/session";
import { ProjectForm } from "./project-form";

export const metadata: Metadata = { title: "New project" };

export default async function NewProjectPage() {
  const actor = await requireActor();
  if (!canCreateProject(actor)) notFound();
  const organizations = listOrganizations(getDb(), actor);
  return (
    <>
      <PageHeader title="New project" description="You become its project manager. Its seven gates come from the current light-gating policy." />
      <ProjectForm organizations={organizations} />
    </>
  );
}
