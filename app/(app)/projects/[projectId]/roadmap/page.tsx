import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { EstimateTrail } from "@/components/estimate-trail";
import { Badge, StatusBadge, humanize } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { SCOPE_CATEGORIES, SCOPE_STATUSES } from "@/db/schema";
import { loadProjectAccess } from "@/lib/data/access";
import { estimateTrail } from "@/lib/data/estimates";
import { getFormat } from "@/lib/i18n/format-server";
import { isBaselined, listReleases, listScopeChanges, listScopeItems, scopeSummary } from "@/lib/data/roadmap";
import { listBaselines, mvpScopeArtifact } from "@/lib/data/scope-baselines";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { scopeListQuery } from "@/lib/validation/roadmap";
import {
  AddReleaseForm,
  AddScopeItemDialog,
  ApproveBaselineButton,
  EditScopeItemDialog,
  FreezeBaselineButton,
  RemoveScopeItemDialog,
} from "./roadmap-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("roadmapPage");
  return { title: t("title") };
}

type Translate = Awaited<ReturnType<typeof getTranslations<"roadmapPage">>>;

/** The reader's words for a scope item's category, priority, status and change kind. */
function scopeLabels(t: Translate) {
  const category: Record<string, string> = {
    configuration: t("categoryConfiguration"),
    interconnection: t("categoryInterconnection"),
    localization: t("categoryLocalization"),
    migration: t("categoryMigration"),
    training: t("categoryTraining"),
    reporting: t("categoryReporting"),
    other: t("categoryOther"),
  };
  const priority: Record<string, string> = {
    must: t("priorityMust"),
    should: t("priorityShould"),
    could: t("priorityCould"),
    wont: t("priorityWont"),
  };
  const status: Record<string, string> = {
    proposed: t("statusProposed"),
    planned: t("statusPlanned"),
    in_progress: t("statusInProgress"),
    done: t("statusDone"),
    dropped: t("statusDropped"),
  };
  const change: Record<string, string> = {
    added: t("changeAdded"),
    changed: t("changeChanged"),
    removed: t("changeRemoved"),
  };
  const field: Record<string, string> = {
    title: t("fieldTitle"),
    category: t("fieldCategory"),
    priority: t("fieldPriority"),
    estimateDays: t("fieldEstimateDays"),
    status: t("fieldStatus"),
  };
  const of = (map: Record<string, string>) => (value: string) => map[value] ?? humanize(value);
  return {
    category: of(category),
    priority: of(priority),
    status: of(status),
    change: of(change),
    field: (key: string) => field[key] ?? humanize(key.replace(/([A-Z])/g, "_$1").toLowerCase()),
  };
}

export default async function RoadmapPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { projectId } = await params;
  const search = await searchParams;
  const actor = await requireActor();
  const db = getDb();
  const access = await orNotFound(async () => await loadProjectAccess(db, actor, projectId));
  const parsed = scopeListQuery.safeParse({
    releaseId: search.release || undefined,
    category: search.category || undefined,
    status: search.status || undefined,
    q: search.q || undefined,
    limit: 50,
  });
  const query = parsed.success ? parsed.data : { limit: 50 };
  const releases = await listReleases(db, actor, projectId);
  const summary = await scopeSummary(db, actor, projectId);
  const page = await listScopeItems(db, actor, projectId, { ...query, cursor: search.cursor ?? null });
  const changes = await listScopeChanges(db, actor, projectId, 15);
  const baselines = await listBaselines(db, actor, projectId);
  const trail = await estimateTrail(db, actor, projectId);
  const baselined = await isBaselined(db, projectId);
  const canEdit = access.can("scope.edit");
  const canApprove = access.can("scope.approve");
  const mvp = releases.find((r) => r.number === 1);
  const mvpTotals = mvp ? summary.get(mvp.id) : undefined;
  const hasMvpArtifact = Boolean(await mvpScopeArtifact(db, projectId));
  const releaseName = new Map(releases.map((r) => [r.id, `${r.number}. ${r.name}`]));
  const unassigned = summary.get(null);
  const filters = { release: search.release, category: search.category, status: search.status, q: search.q };
  const t = await getTranslations("roadmapPage");
  const format = await getFormat();
  const labels = scopeLabels(t);
  const round = (n: number) => format.number(n, { maximumFractionDigits: 1 });

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <h2 className="text-lg font-semibold text-slate-900">{t("heading")}</h2>
          <p className="text-sm text-slate-600">{t("intro")}</p>
        </div>
        {canEdit ? <AddScopeItemDialog projectId={projectId} releases={releases} baselined={baselined} /> : null}
      </div>

      <Card
        title={t("baselineCard")}
        actions={
          baselines[0] ? (
            <Badge tone="success">{t("baselineApproved", { version: baselines[0].version })}</Badge>
          ) : (
            <Badge tone="warning">{t("notApprovedYet")}</Badge>
          )
        }
      >
        <div className="space-y-3 text-sm text-slate-800">
          {baselines[0] ? (
            <p>
              {t("baselineSummary", {
                version: baselines[0].version,
                items: baselines[0].itemCount,
                days: format.number(baselines[0].totalDays),
                name: baselines[0].approvedBy,
                date: format.date(baselines[0].approvedAt),
              })}
            </p>
          ) : (
            <p>{t("baselineNone")}</p>
          )}
          {mvpTotals ? (
            <p className="text-slate-600">
              {t("currentMvpScope", {
                items: mvpTotals.items,
                days: round(mvpTotals.days),
                done: round(mvpTotals.doneDays),
              })}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-4">
            {canApprove && mvpTotals ? (
              <ApproveBaselineButton
                projectId={projectId}
                totalDays={Math.round(mvpTotals.days * 10) / 10}
                items={mvpTotals.items}
              />
            ) : null}
            {canEdit && baselines[0] && hasMvpArtifact ? (
              <FreezeBaselineButton projectId={projectId} version={baselines[0].version} />
            ) : null}
          </div>
          {baselines.length > 1 ? (
            <details>
              <summary className="cursor-pointer text-slate-700">
                {t("earlierBaselines", { count: baselines.length - 1 })}
              </summary>
              <ul className="mt-2 list-disc pl-5 text-slate-700">
                {baselines.slice(1).map((b) => (
                  <li key={b.id}>
                    {t("earlierBaseline", {
                      version: b.version,
                      days: format.number(b.totalDays),
                      name: b.approvedBy,
                      date: format.date(b.approvedAt),
                    })}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      </Card>

      <EstimateTrail trail={trail} />

      <Card title={t("releasesCard")}>
        {releases.length ? (
          <ul className="grid gap-3 md:grid-cols-2">
            {releases.map((r) => {
              const totals = summary.get(r.id);
              return (
                <li key={r.id} className="rounded-lg border border-slate-200 p-3">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                    {t("releaseHeading", { number: r.number, name: r.name })}{" "}
                    {r.number === 1 ? <Badge tone="info">{t("mvp")}</Badge> : null}
                  </p>
                  {r.targetDate ? (
                    <p className="text-xs text-slate-600">{t("target", { date: format.date(r.targetDate) })}</p>
                  ) : null}
                  {r.scope ? <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{r.scope}</p> : null}
                  <p className="mt-2 text-sm text-slate-700">
                    {totals
                      ? t("releaseTotals", {
                          items: totals.items,
                          days: round(totals.days),
                          done: round(totals.doneDays),
                        })
                      : t("noScopeItemsYet")}
                  </p>
                  {totals ? (
                    <p className="mt-1 text-xs text-slate-600">
                      {Object.entries(totals.byCategory)
                        .map(([c, d]) => `${labels.category(c)} ${round(d)}`)
                        .join(" · ")}
                    </p>
                  ) : null}
                </li>
              );
            })}
            {unassigned ? (
              <li className="rounded-lg border border-dashed border-slate-300 p-3 text-sm text-slate-700">
                {t("unassignedTotals", { items: unassigned.items, days: round(unassigned.days) })}
              </li>
            ) : null}
          </ul>
        ) : (
          <EmptyState title={t("noReleasesTitle")}>
            {canEdit ? t("noReleasesCanEdit") : t("noReleasesCannotEdit")}
          </EmptyState>
        )}
        {canEdit ? (
          <div className="mt-4 border-t border-slate-200 pt-4">
            <AddReleaseForm projectId={projectId} nextNumber={(releases.at(-1)?.number ?? 0) + 1} />
          </div>
        ) : null}
      </Card>

      <Card title={t("scopeItemsCard")}>
        <form
          className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
          role="search"
          aria-label={t("filterLabel")}
        >
          <label className="text-sm">
            <span className="block font-medium text-slate-800">{t("search")}</span>
            <input
              name="q"
              defaultValue={search.q}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
          </label>
          <FilterSelect
            name="release"
            label={t("filterRelease")}
            allLabel={t("filterAll")}
            value={search.release}
            options={[
              ...releases.map((r) => ({ value: r.id, label: `${r.number}. ${r.name}` })),
              { value: "none", label: t("unassigned") },
            ]}
          />
          <FilterSelect
            name="category"
            label={t("filterCategory")}
            allLabel={t("filterAll")}
            value={search.category}
            options={SCOPE_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
          />
          <FilterSelect
            name="status"
            label={t("filterStatus")}
            allLabel={t("filterAll")}
            value={search.status}
            options={SCOPE_STATUSES.map((c) => ({ value: c, label: labels.status(c) }))}
          />
          <div className="flex gap-2">
            <button className={buttonClass("secondary")} type="submit">
              {t("filter")}
            </button>
            <Link className={buttonClass("ghost")} href={`/projects/${projectId}/roadmap`}>
              {t("reset")}
            </Link>
          </div>
        </form>
        {page.items.length ? (
          <Table caption={t("scopeItemsCaption")}>
            <thead>
              <tr>
                <Th>{t("columnItem")}</Th>
                <Th>{t("columnCategory")}</Th>
                <Th>{t("columnPriority")}</Th>
                <Th className="text-right">{t("columnEstimate")}</Th>
                <Th>{t("columnRelease")}</Th>
                <Th>{t("columnStatus")}</Th>
                {canEdit ? (
                  <Th>
                    <span className="sr-only">{t("columnActions")}</span>
                  </Th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.items.map((i) => (
                <tr key={i.id} className={i.status === "dropped" ? "text-slate-500 line-through" : undefined}>
                  <Td className="min-w-48 font-medium">{i.title}</Td>
                  <Td>{labels.category(i.category)}</Td>
                  <Td className="whitespace-nowrap">{labels.priority(i.priority)}</Td>
                  <Td className="text-right">{format.number(i.estimateDays)}</Td>
                  <Td className="whitespace-nowrap">{i.releaseId ? releaseName.get(i.releaseId) : "—"}</Td>
                  <Td>
                    <StatusBadge status={i.status} label={labels.status(i.status)} />
                  </Td>
                  {canEdit ? (
                    <Td className="whitespace-nowrap">
                      {i.status !== "dropped" && i.status !== "done" ? (
                        <>
                          <EditScopeItemDialog
                            projectId={projectId}
                            releases={releases}
                            item={i}
                            baselined={baselined}
                          />
                          <RemoveScopeItemDialog projectId={projectId} item={i} baselined={baselined} />
                        </>
                      ) : null}
                    </Td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <EmptyState
            title={
              search.q || search.category || search.status || search.release ? t("noItemsMatch") : t("noScopeItemsYet")
            }
          >
            {canEdit ? t("noItemsHint") : null}
          </EmptyState>
        )}
        <Pagination
          basePath={`/projects/${projectId}/roadmap`}
          params={filters}
          nextCursor={page.nextCursor}
          hasPrevious={Boolean(search.cursor)}
        />
      </Card>

      <Card title={t("changeLogCard")}>
        {changes.length ? (
          <ol className="divide-y divide-slate-100 text-sm">
            {changes.map((c) => (
              <li key={c.id} className="py-2">
                <p>
                  <Badge tone={c.change === "removed" ? "danger" : c.change === "added" ? "success" : "info"}>
                    {labels.change(c.change)}
                  </Badge>{" "}
                  <span className="font-medium text-slate-900">{c.itemTitle}</span>{" "}
                  <span className="text-slate-600">
                    {t("changeBy", { name: c.actorName, date: format.dateTime(c.at) })}
                  </span>
                </p>
                {c.change === "changed" && c.after ? (
                  <p className="text-xs text-slate-600">{describeChange(c.before, c.after, labels.field)}</p>
                ) : null}
                <p className="text-slate-700">{t("reason", { reason: c.reason })}</p>
              </li>
            ))}
          </ol>
        ) : (
          <EmptyState title={t("noChangesYet")} />
        )}
      </Card>
    </div>
  );
}

function describeChange(before: unknown, after: unknown, field: (key: string) => string) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys(a)
    .filter((k) => k !== "releaseId")
    .map((k) => `${field(k)}: ${String(b[k] ?? "—")} → ${String(a[k])}`)
    .join("; ");
}

function FilterSelect({
  name,
  label,
  allLabel,
  value,
  options,
}: {
  name: string;
  label: string;
  allLabel: string;
  value?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <label className="text-sm">
      <span className="block font-medium text-slate-800">{label}</span>
      <select
        name={name}
        defaultValue={value ?? ""}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
      >
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
