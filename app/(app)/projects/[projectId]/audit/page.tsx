import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { auditNames } from "@/lib/data/audit-names";
import { requestAuditWords } from "@/lib/audit-words";
import { requestAuditFilterLabels } from "@/lib/audit-filter-words";
import { listProjectAudit, projectAuditFacets } from "@/lib/data/audit-trail";
import { fieldErrorsOf } from "@/lib/guard";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { getFormat } from "@/lib/i18n/format-server";
import { auditFilterSchema, type AuditFilter } from "@/lib/validation/audit";
import { AuditEventItem } from "@/components/audit-event-item";
import { AUDIT_FILTER_KEYS, AuditFilterForm, type AuditFilterValues } from "@/components/audit-filters";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("projectAudit");
  return { title: t("title") };
}

const PAGE_SIZE = 25;

export default async function ProjectAuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const t = await getTranslations("projectAudit");
  const { projectId } = await params;
  const raw = await searchParams;
  const text = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string) : undefined);
  const values = Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, text(k) ?? ""])) as AuditFilterValues;
  const parsed = auditFilterSchema.safeParse(values);
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const filter: Partial<AuditFilter> = parsed.success ? parsed.data : {};
  const cursor = text("cursor");
  const db = getDb();
  const facets = await orNotFound(async () => await projectAuditFacets(db, actor, projectId));
  const page = await orNotFound(
    async () =>
      await listProjectAudit(db, actor, projectId, {
        ...filter,
        limit: PAGE_SIZE,
        cursor: /^\d+$/.test(cursor ?? "") ? cursor : null,
      }),
  );
  const words = await requestAuditWords();
  const labels = await requestAuditFilterLabels();
  const names = await auditNames(db, page.items, { withProject: false, words, format: await getFormat() });
  const filtered = AUDIT_FILTER_KEYS.some((k) => values[k]);
  const basePath = `/projects/${projectId}/audit`;

  return (
    <div className="space-y-4">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
        <p className="text-sm text-slate-600">
          {t("intro")}
          {page.seesInternal ? "" : t("withheld")}
        </p>
      </div>

      <AuditFilterForm basePath={basePath} values={values} errors={errors} facets={facets} labels={labels} />
      {!parsed.success ? (
        <p role="alert" className="text-sm text-red-700">
          {t("invalidFilters")}
        </p>
      ) : null}

      {page.items.length === 0 ? (
        <EmptyState title={filtered ? t("noMatchTitle") : t("emptyTitle")}>
          {filtered ? t("noMatchBody") : t("emptyBody")}
        </EmptyState>
      ) : (
        <ol aria-label={t("events")} className="space-y-2">
          {page.items.map((event) => (
            <AuditEventItem key={event.id} event={event} names={names.get(event.id)!} words={words} />
          ))}
        </ol>
      )}
      <Pagination basePath={basePath} params={values} nextCursor={page.nextCursor} hasPrevious={Boolean(cursor)} />
    </div>
  );
}
