import type { Metadata } from "next";
import Link from "next/link";
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
import { formatDate, formatDateTime } from "@/lib/display-format";

export const metadata: Metadata = { title: "Roadmap" };

const round = (n: number) => Math.round(n * 10) / 10;

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

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold text-slate-900">Roadmap and scope</h2>
          <p className="text-sm text-slate-600">
            Releases (release 1 is the MVP), their scope items, the client-approved baseline and how the estimate moved
            since.
          </p>
        </div>
        {canEdit ? <AddScopeItemDialog projectId={projectId} releases={releases} baselined={baselined} /> : null}
      </div>

      <Card
        title="MVP scope baseline"
        actions={
          baselines[0] ? (
            <Badge tone="success">v{baselines[0].version} approved</Badge>
          ) : (
            <Badge tone="warning">Not approved yet</Badge>
          )
        }
      >
        <div className="space-y-3 text-sm text-slate-800">
          {baselines[0] ? (
            <p>
              Version {baselines[0].version}: {baselines[0].itemCount} items, {baselines[0].totalDays} person-days,
              approved by {baselines[0].approvedBy} on {formatDate(baselines[0].approvedAt)}. Changes since need a
              reason.
            </p>
          ) : (
            <p>The client owner has not approved the MVP scope yet. Until then scope changes need no reason.</p>
          )}
          {mvpTotals ? (
            <p className="text-slate-600">
              Current MVP scope: {mvpTotals.items} items, {round(mvpTotals.days)} person-days (
              {round(mvpTotals.doneDays)} done).
            </p>
          ) : null}
          <div className="flex flex-wrap gap-4">
            {canApprove && mvpTotals ? (
              <ApproveBaselineButton projectId={projectId} totalDays={round(mvpTotals.days)} items={mvpTotals.items} />
            ) : null}
            {canEdit && baselines[0] && hasMvpArtifact ? (
              <FreezeBaselineButton projectId={projectId} version={baselines[0].version} />
            ) : null}
          </div>
          {baselines.length > 1 ? (
            <details>
              <summary className="cursor-pointer text-slate-700">Earlier baselines ({baselines.length - 1})</summary>
              <ul className="mt-2 list-disc pl-5 text-slate-700">
                {baselines.slice(1).map((b) => (
                  <li key={b.id}>
                    v{b.version}: {b.totalDays} person-days, approved by {b.approvedBy} on {formatDate(b.approvedAt)}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      </Card>

      <EstimateTrail trail={trail} />

      <Card title="Releases">
        {releases.length ? (
          <ul className="grid gap-3 md:grid-cols-2">
            {releases.map((r) => {
              const t = summary.get(r.id);
              return (
                <li key={r.id} className="rounded-lg border border-slate-200 p-3">
                  <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                    Release {r.number}: {r.name} {r.number === 1 ? <Badge tone="info">MVP</Badge> : null}
                  </p>
                  {r.targetDate ? <p className="text-xs text-slate-600">Target {formatDate(r.targetDate)}</p> : null}
                  {r.scope ? <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{r.scope}</p> : null}
                  <p className="mt-2 text-sm text-slate-700">
                    {t
                      ? `${t.items} items · ${round(t.days)} person-days · ${round(t.doneDays)} done`
                      : "No scope items yet"}
                  </p>
                  {t ? (
                    <p className="mt-1 text-xs text-slate-600">
                      {Object.entries(t.byCategory)
                        .map(([c, d]) => `${humanize(c)} ${round(d)}`)
                        .join(" · ")}
                    </p>
                  ) : null}
                </li>
              );
            })}
            {unassigned ? (
              <li className="rounded-lg border border-dashed border-slate-300 p-3 text-sm text-slate-700">
                Unassigned: {unassigned.items} items, {round(unassigned.days)} person-days
              </li>
            ) : null}
          </ul>
        ) : (
          <EmptyState title="No releases yet">
            {canEdit ? "Add release 1, the MVP, below." : "The project manager has not planned releases yet."}
          </EmptyState>
        )}
        {canEdit ? (
          <div className="mt-4 border-t border-slate-200 pt-4">
            <AddReleaseForm projectId={projectId} nextNumber={(releases.at(-1)?.number ?? 0) + 1} />
          </div>
        ) : null}
      </Card>

      <Card title="Scope items">
        <form
          className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
          role="search"
          aria-label="Filter scope items"
        >
          <label className="text-sm">
            <span className="block font-medium text-slate-800">Search</span>
            <input
              name="q"
              defaultValue={search.q}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
            />
          </label>
          <FilterSelect
            name="release"
            label="Release"
            value={search.release}
            options={[
              ...releases.map((r) => ({ value: r.id, label: `${r.number}. ${r.name}` })),
              { value: "none", label: "Unassigned" },
            ]}
          />
          <FilterSelect
            name="category"
            label="Category"
            value={search.category}
            options={SCOPE_CATEGORIES.map((c) => ({ value: c, label: humanize(c) }))}
          />
          <FilterSelect
            name="status"
            label="Status"
            value={search.status}
            options={SCOPE_STATUSES.map((c) => ({ value: c, label: humanize(c) }))}
          />
          <div className="flex gap-2">
            <button className={buttonClass("secondary")} type="submit">
              Filter
            </button>
            <Link className={buttonClass("ghost")} href={`/projects/${projectId}/roadmap`}>
              Reset
            </Link>
          </div>
        </form>
        {page.items.length ? (
          <Table caption="Scope items">
            <thead>
              <tr>
                <Th>Item</Th>
                <Th>Category</Th>
                <Th>Priority</Th>
                <Th className="text-right">Estimate (d)</Th>
                <Th>Release</Th>
                <Th>Status</Th>
                {canEdit ? (
                  <Th>
                    <span className="sr-only">Actions</span>
                  </Th>
                ) : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.items.map((i) => (
                <tr key={i.id} className={i.status === "dropped" ? "text-slate-500 line-through" : undefined}>
                  <Td className="min-w-48 font-medium">{i.title}</Td>
                  <Td>{humanize(i.category)}</Td>
                  <Td>{i.priority === "wont" ? "Won't" : humanize(i.priority)}</Td>
                  <Td className="text-right">{i.estimateDays}</Td>
                  <Td className="whitespace-nowrap">{i.releaseId ? releaseName.get(i.releaseId) : "—"}</Td>
                  <Td>
                    <StatusBadge status={i.status} />
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
              search.q || search.category || search.status || search.release
                ? "No scope items match"
                : "No scope items yet"
            }
          >
            {canEdit
              ? "Add the items the client bought: configuration, interconnection, localization, migration…"
              : null}
          </EmptyState>
        )}
        <Pagination
          basePath={`/projects/${projectId}/roadmap`}
          params={filters}
          nextCursor={page.nextCursor}
          hasPrevious={Boolean(search.cursor)}
        />
      </Card>

      <Card title="Scope change log">
        {changes.length ? (
          <ol className="divide-y divide-slate-100 text-sm">
            {changes.map((c) => (
              <li key={c.id} className="py-2">
                <p>
                  <Badge tone={c.change === "removed" ? "danger" : c.change === "added" ? "success" : "info"}>
                    {humanize(c.change)}
                  </Badge>{" "}
                  <span className="font-medium text-slate-900">{c.itemTitle}</span>{" "}
                  <span className="text-slate-600">
                    by {c.actorName}, {formatDateTime(c.at)}
                  </span>
                </p>
                {c.change === "changed" && c.after ? (
                  <p className="text-xs text-slate-600">{describeChange(c.before, c.after)}</p>
                ) : null}
                <p className="text-slate-700">Reason: {c.reason}</p>
              </li>
            ))}
          </ol>
        ) : (
          <EmptyState title="No scope changes yet" />
        )}
      </Card>
    </div>
  );
}

function describeChange(before: unknown, after: unknown) {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return Object.keys(a)
    .filter((k) => k !== "releaseId")
    .map((k) => `${humanize(k.replace(/([A-Z])/g, "_$1").toLowerCase())}: ${String(b[k] ?? "—")} → ${String(a[k])}`)
    .join("; ");
}

function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
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
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
