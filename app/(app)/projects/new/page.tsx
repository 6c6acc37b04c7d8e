import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/ui/page-header";
import { listOrganizations } from "@/lib/data/accounts";
import { keyPeopleCandidates } from "@/lib/data/project-setup";
import { listPublishedPolicies } from "@/lib/data/published-policies";
import { canCreateProject } from "@/lib/domain/permissions";
import { requireActor } from "@/lib/session";
import { ProjectForm } from "./project-form";
import { readerLocale } from "@/lib/data/reader-locale";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("newProject");
  return { title: t("title") };
}

export default async function NewProjectPage() {
  const actor = await requireActor();
  if (!canCreateProject(actor)) notFound();
  const db = getDb();
  const organizations = await listOrganizations(db, actor);
  const policies = (await listPublishedPolicies(db, actor, undefined, await readerLocale())).map((p) => ({
    id: p.id,
    name: p.name,
    version: p.version,
    isDefault: p.isDefault,
    gateCount: p.gates.length,
  }));
  const people = await keyPeopleCandidates(db, actor);
  const t = await getTranslations("newProject");
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <ProjectForm organizations={organizations} policies={policies} people={people} />
    </>
  );
}
