import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { AuditEventItem } from "@/components/audit-event-item";
import { Pagination } from "@/components/ui/pagination";
import { AUDIT_FILTER_KEYS, AuditFilterForm, type AuditFilterValues } from "@/components/audit-filters";
import { auditNames } from "@/lib/data/audit-names";
import { requestAuditWords } from "@/lib/audit-words";
import { requestAuditFilterLabels } from "@/lib/audit-filter-words";
import { allAuditFacets, auditChainSummary, listRecentEvents, verifyChain } from "@/lib/data/audit-trail";
import { fieldErrorsOf } from "@/lib/guard";
import { auditFilterSchema, type AuditFilter } from "@/lib/validation/audit";
import { requireAdminPage } from "../require-admin";
import { getFormat } from "@/lib/i18n/format-server";
import { AuditCheckpointsSection } from "./audit-checkpoints-section";
import { ChainVerdictPanel } from "./chain-verdict";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminAudit");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

/** Chains up to this size are verified on every view; longer ones on request (it takes a while). */
const VERIFY_ON_VIEW_LIMIT = 20_000;

export default async function AuditChainPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireAdminPage();
  const t = await getTranslations("adminAudit");
  const format = await getFormat();
  const raw = await searchParams;
  const rawCursor = raw.cursor;
  const cursor = typeof rawCursor === "string" && /^\d+$/.test(rawCursor) ? rawCursor : null;
  const values = Object.fromEntries(
    AUDIT_FILTER_KEYS.map((k) => [k, typeof raw[k] === "string" ? raw[k] : ""]),
  ) as AuditFilterValues;
  const parsed = auditFilterSchema.safeParse(values);
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const filter: Partial<AuditFilter> = parsed.success ? parsed.data : {};
  const db = getDb();
  const recent = await listRecentEvents(db, actor, { ...filter, limit: 20, cursor });
  const words = await requestAuditWords();
  const labels = await requestAuditFilterLabels();
  const names = await auditNames(db, recent.items, { withProject: true, words, format });
  const facets = await allAuditFacets(db, actor);
  const filtered = AUDIT_FILTER_KEYS.some((k) => values[k]);
  const summary = await auditChainSummary(db, actor);
  const initial = summary.events <= VERIFY_ON_VIEW_LIMIT ? await verifyChain(db, actor) : null;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("chain")}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="font-medium text-slate-700">{t("events")}</dt>
            <dd className="tabular-nums" data-testid="chain-events">
              {summary.events}
            </dd>
            <dt className="font-medium text-slate-700">{t("latestEvent")}</dt>
            <dd>
              {summary.lastAt
                ? t("latestAt", { seq: summary.lastSeq, when: format.dateTime(summary.lastAt, { seconds: true }) })
                : t("noneYet")}
            </dd>
            <dt className="font-medium text-slate-700">{t("headHash")}</dt>
            <dd className="break-all font-mono text-xs">{summary.head}</dd>
          </dl>
        </Card>
        <Card title={t("verification")}>
          <ChainVerdictPanel initial={initial} />
        </Card>
        <AuditCheckpointsSection actor={actor} />
        <Card title={t("frequentActions")} className="lg:col-span-2">
          {summary.recentActions.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noEventsThisMonth")}</p>
          ) : (
            <ul className="grid gap-x-8 gap-y-1 text-sm sm:grid-cols-2">
              {summary.recentActions.map((a) => (
                <li key={a.action} className="flex justify-between gap-2 border-b border-slate-100 py-1">
                  <span>{labels.action(a.action)}</span>
                  <span className="tabular-nums">{a.n}</span>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-xs text-slate-600">
            {t.rich("fromShell", { file: "<file>", code: (chunks) => <code className="font-mono">{chunks}</code> })}
          </p>
        </Card>
        <Card title={t("allEvents")} className="lg:col-span-2">
          <p className="mb-3 text-sm text-slate-600">{t("allEventsIntro")}</p>
          <div className="mb-3">
            <AuditFilterForm basePath="/admin/audit" values={values} errors={errors} facets={facets} labels={labels} />
          </div>
          {recent.items.length === 0 ? (
            <p className="text-sm text-slate-600">{filtered ? t("noMatch") : t("noEvents")}</p>
          ) : (
            <ol aria-label={t("recentEvents")} className="space-y-2">
              {recent.items.map((event) => (
                <AuditEventItem key={event.id} event={event} names={names.get(event.id)!} words={words} linkProject />
              ))}
            </ol>
          )}
          <Pagination
            basePath="/admin/audit"
            params={values}
            nextCursor={recent.nextCursor}
            hasPrevious={Boolean(cursor)}
          />
        </Card>
      </div>
    </>
  );
}
