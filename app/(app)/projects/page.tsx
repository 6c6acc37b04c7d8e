import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { PROJECT_STATUSES } from "@/db/schema";
import { HealthBadge, StatusBadge } from "@/components/ui/badge";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { listProjects } from "@/lib/data/projects";
import { canCreateProject } from "@/lib/domain/permissions";
import { healthReasonWords } from "@/lib/health-words";
import { getFormat } from "@/lib/i18n/format-server";
import { requireActor } from "@/lib/session";
import { listProjectsQuery } from "@/lib/validation/projects";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("projectList");
  return { title: t("title") };
}

export default async function ProjectsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor();
  const raw = await searchParams;
  const parsed = listProjectsQuery.safeParse({
    q: raw.q || undefined,
    status: raw.status || undefined,
    cursor: raw.cursor || undefined,
  });
  const query = parsed.success ? parsed.data : { limit: 25 };
  const format = await getFormat();
  // The health badges' reasons in the reader's words (the API keeps them in English).
  const page = await listProjects(getDb(), actor, { ...query, limit: 25 }, await healthReasonWords(format));
  const filtered = Boolean(raw.q || raw.status);
  const t = await getTranslations("projectList");
  const statusLabel = (status: (typeof PROJECT_STATUSES)[number]) =>
    ({
      active: t("statusActive"),
      on_hold: t("statusOnHold"),
      killed: t("statusKilled"),
      live: t("statusLive"),
      closed: t("statusClosed"),
    })[status];
  return (
    <>
      <PageHeader
        title={t("title")}
        description={actor.role === "client" ? t("descriptionClient") : t("descriptionVendor")}
        actions={
          canCreateProject(actor) ? (
            <ButtonLink href="/projects/new" variant="primary">
              {t("newProject")}
            </ButtonLink>
          ) : null
        }
      />
      <form role="search" className="mb-4 flex flex-wrap items-end gap-2" action="/projects">
        <div>
          <label htmlFor="q" className="block text-sm font-medium text-slate-800">
            {t("search")}
          </label>
          <input
            id="q"
            name="q"
            defaultValue={raw.q}
            placeholder={t("searchPlaceholder")}
            className="mt-1 w-64 rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium text-slate-800">
            {t("status")}
          </label>
          <select
            id="status"
            name="status"
            defaultValue={raw.status ?? ""}
            className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            <option value="">{t("anyStatus")}</option>
            {PROJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          {t("filter")}
        </button>
        {filtered ? (
          <Link href="/projects" className="px-2 py-2 text-sm text-brand-700 underline">
            {t("clear")}
          </Link>
        ) : null}
      </form>
      {page.items.length === 0 ? (
        <EmptyState title={filtered ? t("noMatch") : t("noneYet")}>
          {filtered ? t("noMatchBody") : canCreateProject(actor) ? t("noneYetCreate") : t("noneYetWait")}
        </EmptyState>
      ) : (
        <Table caption={t("title")}>
          <thead>
            <tr>
              <Th>{t("project")}</Th>
              <Th>{t("client")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("gate")}</Th>
              <Th>{t("health")}</Th>
              <Th>{t("targetGoLive")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.items.map((p) => (
              <tr key={p.id}>
                <Td>
                  <Link href={`/projects/${p.id}`} className="font-medium text-brand-700 hover:underline">
                    {p.name}
                  </Link>
                </Td>
                <Td>{p.clientOrganization.name}</Td>
                <Td>
                  <StatusBadge status={p.status} label={statusLabel(p.status)} />
                </Td>
                <Td>{t("gateNumber", { number: p.currentGate })}</Td>
                <Td>
                  <HealthBadge health={p.health} reasons={p.healthReasons} />
                </Td>
                <Td>{format.date(p.targetGoLiveDate)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination
        basePath="/projects"
        params={{ q: raw.q, status: raw.status }}
        nextCursor={page.nextCursor}
        hasPrevious={Boolean(raw.cursor)}
      />
    </>
  );
}
