import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { humanize } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { listProjectAudit, projectAuditFacets } from "@/lib/data/audit-trail";
import { fieldErrorsOf } from "@/lib/guard";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { auditFilterSchema, type AuditFilter } from "@/lib/validation/audit";
import { AuditEventItem } from "@/components/audit-event-item";
import { FilterField } from "./filter-field";

export const metadata: Metadata = { title: "Audit trail" };

const PAGE_SIZE = 25;
const FILTER_KEYS = ["action", "actor", "objectType", "from", "to"] as const;

export default async function ProjectAuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { projectId } = await params;
  const raw = await searchParams;
  const text = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string) : undefined);
  const values = Object.fromEntries(FILTER_KEYS.map((k) => [k, text(k) ?? ""])) as Record<(typeof FILTER_KEYS)[number], string>;
  const parsed = auditFilterSchema.safeParse(values);
  const errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  const filter: Partial<AuditFilter> = parsed.success ? parsed.data : {};
  const cursor = text("cursor");
  const db = getDb();
  const facets = orNotFound(() => projectAuditFacets(db, actor, projectId));
  const page = orNotFound(() => listProjectAudit(db, actor, projectId, { ...filter, limit: PAGE_SIZE, cursor: /^\d+$/.test(cursor ?? "") ? cursor : null }));
  const filtered = FILTER_KEYS.some((k) => values[k]);
  const basePath = `/projects/${projectId}/audit`;

  return (
    <div className="space-y-4">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">Audit trail</h2>
        <p className="text-sm text-slate-600">
          Every change to this project, newest first. Each event is chained to the one before it by its hash, so altering or removing one is detectable.
          {page.seesInternal ? "" : " Vendor-internal notes, cost figures and network details are withheld from your view."}
        </p>
      </div>

      <form role="search" aria-label="Filter the audit trail" action={basePath} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-end">
        <FilterField label="Action" name="action" defaultValue={values.action} errors={errors.action} options={facets.actions.map((a) => ({ value: a, label: a }))} anyLabel="Any action" />
        <FilterField label="Actor" name="actor" defaultValue={values.actor} errors={errors.actor} options={facets.actors.map((a) => ({ value: a.id ?? a.email, label: a.email }))} anyLabel="Anyone" />
        <FilterField label="Object type" name="objectType" defaultValue={values.objectType} errors={errors.objectType} options={facets.objectTypes.map((t) => ({ value: t, label: humanize(t) }))} anyLabel="Any object" />
        <FilterField label="From (UTC)" name="from" type="date" defaultValue={values.from} errors={errors.from} />
        <FilterField label="To (UTC)" name="to" type="date" defaultValue={values.to} errors={errors.to} />
        <div className="flex gap-2">
          <button type="submit" className={buttonClass("secondary")}>
            Filter
          </button>
          {filtered ? (
            <Link href={basePath} className="px-2 py-2 text-sm text-brand-700 underline">
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      {!parsed.success ? (
        <p role="alert" className="text-sm text-red-700">
          Some filters are invalid and were ignored; see the highlighted fields.
        </p>
      ) : null}

      {page.items.length === 0 ? (
        <EmptyState title={filtered ? "No event matches these filters" : "No events yet"}>
          {filtered ? "Widen the date range or clear a filter." : "Events appear here as soon as anything in this project changes."}
        </EmptyState>
      ) : (
        <ol aria-label="Audit events" className="space-y-2">
          {page.items.map((event) => (
            <AuditEventItem key={event.id} event={event} />
          ))}
        </ol>
      )}
      <Pagination basePath={basePath} params={values} nextCursor={page.nextCursor} hasPrevious={Boolean(cursor)} />
    </div>
  );
}
