import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { GatePath } from "@/components/gate-path";
import { humanize, StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { listGates } from "@/lib/data/gate-views";
import { requiredArtifactProgress } from "@/lib/domain/gate-readiness";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { formatDate } from "@/lib/display-format";
import { PolicyText } from "@/components/policy-text";
import { readerLocale } from "@/lib/data/reader-locale";

export const metadata: Metadata = { title: "Gates" };

const RULES = { unanimous: "Unanimous", quorum: "Quorum", majority: "Majority" } as const;

export default async function GatesPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const { gates, access } = await orNotFound(
    async () => await listGates(getDb(), actor, projectId, undefined, await readerLocale()),
  );
  const current = gates.find((g) => g.current);
  return (
    <div className="space-y-6">
      <Card title="Gate path">
        <GatePath projectId={projectId} steps={gates} />
        <p className="mt-4 text-sm text-slate-700">
          {access.project.status === "closed" ? (
            "All gates passed: the project is closed."
          ) : access.project.status === "killed" ? (
            "The project was killed at a gate decision."
          ) : current ? (
            <>
              Gate {current.number} is current ({humanize(current.status).toLowerCase()}).{" "}
              <Link
                className="font-medium text-brand-700 underline"
                href={`/projects/${projectId}/gates/${current.number}`}
              >
                Open gate {current.number}
              </Link>
            </>
          ) : null}
        </p>
      </Card>
      <Table caption={`Gates of this project, ${gates[0]?.number ?? 1} to 1`}>
        <thead>
          <tr>
            <Th>Gate</Th>
            <Th>Status</Th>
            <Th>Artifacts</Th>
            <Th>Board</Th>
            <Th>Rule</Th>
            <Th>Planned</Th>
            <Th>Decision</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {gates.map((g) => {
            // Counted exactly as the gate page's "Artifacts (… required approved)" title.
            const progress = requiredArtifactProgress(g.artifacts);
            const openConditions = g.conditions.filter((c) => c.status === "open").length;
            return (
              <tr key={g.number} className={g.current ? "bg-brand-50/50" : undefined}>
                <Td>
                  <Link
                    href={`/projects/${projectId}/gates/${g.number}`}
                    className="font-medium text-brand-700 underline-offset-2 hover:underline"
                  >
                    {g.number}. <PolicyText text={g.name} untranslated={g.nameUntranslated} />
                  </Link>
                  {g.current ? <span className="ml-2 text-xs font-semibold text-brand-800">current</span> : null}
                </Td>
                <Td>
                  <StatusBadge status={g.status} />
                </Td>
                <Td>{progress.label}</Td>
                <Td>
                  {g.board.length ? `${g.board.length} (${g.board.filter((b) => b.required).length} required)` : "—"}
                </Td>
                <Td>
                  {RULES[g.decisionRule]}
                  {g.decisionRule === "quorum" ? ` ${g.quorum}` : ""}
                </Td>
                <Td>{formatDate(g.plannedDate)}</Td>
                <Td>
                  {g.decision ? humanize(g.decision) : "—"}
                  {openConditions ? (
                    <span className="block text-xs text-amber-800">{openConditions} open condition(s)</span>
                  ) : null}
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
