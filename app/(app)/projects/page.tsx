import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { PROJECT_STATUSES } from "@/db/schema";
import { HealthBadge, StatusBadge, humanize } from "@/components/ui/badge";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th } from "@/components/ui/table";
import { listProjects } from "@/lib/data/projects";
import { canCreateProject } from "@/lib/domain/permissions";
import { requireActor } from "@/lib/session";
import { listProjectsQuery } from "@/lib/validation/projects";
import { formatDate } from "@/lib/display-format";

export const metadata: Metadata = { title: "Projects" };

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
  const page = await listProjects(getDb(), actor, { ...query, limit: 25 });
  const filtered = Boolean(raw.q || raw.status);
  return (
    <>
      <PageHeader
        title="Projects"
        description={
          actor.role === "client" ? "The rollouts of your organisation." : "The client rollouts you take part in."
        }
        actions={
          canCreateProject(actor) ? (
            <ButtonLink href="/projects/new" variant="primary">
              New project
            </ButtonLink>
          ) : null
        }
      />
      <form role="search" className="mb-4 flex flex-wrap items-end gap-2" action="/projects">
        <div>
          <label htmlFor="q" className="block text-sm font-medium text-slate-800">
            Search
          </label>
          <input
            id="q"
            name="q"
            defaultValue={raw.q}
            placeholder="Project or client"
            className="mt-1 w-64 rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium text-slate-800">
            Status
          </label>
          <select
            id="status"
            name="status"
            defaultValue={raw.status ?? ""}
            className="mt-1 rounded-md border border-slate-300 px-3 py-2 text-sm"
          >
            <option value="">Any status</option>
            {PROJECT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {humanize(s)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
        {filtered ? (
          <Link href="/projects" className="px-2 py-2 text-sm text-brand-700 underline">
            Clear
          </Link>
        ) : null}
      </form>
      {page.items.length === 0 ? (
        <EmptyState title={filtered ? "No project matches these filters" : "No projects yet"}>
          {filtered
            ? "Try another search or status."
            : canCreateProject(actor)
              ? "Create the first rollout project to start its light-gating path."
              : "You will see projects here once a project manager adds you to one."}
        </EmptyState>
      ) : (
        <Table caption="Projects">
          <thead>
            <tr>
              <Th>Project</Th>
              <Th>Client</Th>
              <Th>Status</Th>
              <Th>Gate</Th>
              <Th>Health</Th>
              <Th>Target go-live</Th>
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
                  <StatusBadge status={p.status} />
                </Td>
                <Td>Gate {p.currentGate}</Td>
                <Td>
                  <HealthBadge health={p.health} reasons={p.healthReasons} />
                </Td>
                <Td>{formatDate(p.targetGoLiveDate)}</Td>
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
