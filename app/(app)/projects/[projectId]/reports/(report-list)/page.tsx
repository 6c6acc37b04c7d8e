import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { HealthBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { loadProjectAccess } from "@/lib/data/access";
import { listStatusReports } from "@/lib/data/status-reports";
import { getFormat } from "@/lib/i18n/format-server";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { GenerateReportForm } from "../generate-report-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reportsList");
  return { title: t("title") };
}

export default async function ReportsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { projectId } = await params;
  const raw = await searchParams;
  const cursor = typeof raw.cursor === "string" ? raw.cursor : null;
  const db = getDb();
  const access = await orNotFound(async () => await loadProjectAccess(db, actor, projectId));
  const page = await listStatusReports(db, actor, projectId, { limit: 20, cursor });
  const t = await getTranslations("reportsList");
  const format = await getFormat();
  const health = (h: string) => (h === "red" || h === "amber" ? h : "green");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">{t("heading")}</h2>
          <p className="text-sm text-slate-600">{t("intro")}</p>
        </div>
        {access.can("report.generate") ? <GenerateReportForm projectId={projectId} /> : null}
      </div>
      {page.items.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>
          {access.can("report.generate") ? t("emptyCanGenerate") : t("emptyReader")}
        </EmptyState>
      ) : (
        <Table caption={t("caption")}>
          <thead>
            <tr>
              <Th>{t("week")}</Th>
              <Th>{t("generated")}</Th>
              <Th>{t("healthThen")}</Th>
              <Th>
                <span className="sr-only">{t("actions")}</span>
              </Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {page.items.map((r) => (
              <tr key={r.id}>
                <Td>
                  <Link
                    href={`/projects/${projectId}/reports/${r.id}`}
                    className="whitespace-nowrap font-medium text-brand-700 hover:underline"
                  >
                    {r.isoWeek}
                  </Link>
                  <div className="whitespace-nowrap text-xs text-slate-600">
                    {t("from", { date: format.date(r.weekOf) })}
                  </div>
                </Td>
                <Td className="whitespace-nowrap">{format.date(r.generatedAt)}</Td>
                <Td>
                  <HealthBadge health={health(r.health)} />
                </Td>
                <Td className="text-right">
                  <a
                    href={`/api/v1/projects/${projectId}/status-reports/${r.id}/markdown`}
                    className="whitespace-nowrap text-sm text-brand-700 underline"
                    download
                  >
                    {t("markdown")}
                    <span className="sr-only">{t("markdownOf", { week: r.isoWeek })}</span>
                  </a>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination
        basePath={`/projects/${projectId}/reports`}
        params={{}}
        nextCursor={page.nextCursor}
        hasPrevious={Boolean(cursor)}
      />
    </div>
  );
}
