import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { GatePath } from "@/components/gate-path";
import { gateStatusWords, voteWords } from "@/components/gate-words";
import { StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { listGates } from "@/lib/data/gate-views";
import { requiredArtifactProgress } from "@/lib/domain/gate-readiness";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { getFormat } from "@/lib/i18n/format-server";
import { getTranslations } from "next-intl/server";
import { PolicyText } from "@/components/policy-text";
import { readerLocale } from "@/lib/data/reader-locale";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("gateList");
  return { title: t("title") };
}

export default async function GatesPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const actor = await requireActor();
  const { gates, access } = await orNotFound(
    async () => await listGates(getDb(), actor, projectId, undefined, await readerLocale()),
  );
  const current = gates.find((g) => g.current);
  const t = await getTranslations("gateList");
  const format = await getFormat();
  const statusWord = await gateStatusWords();
  const voteWord = await voteWords();
  const rules = { unanimous: t("ruleUnanimous"), quorum: t("ruleQuorum"), majority: t("ruleMajority") };
  return (
    <div className="space-y-6">
      <Card title={t("path")}>
        <GatePath projectId={projectId} steps={gates} />
        <p className="mt-4 text-sm text-slate-700">
          {access.project.status === "closed" ? (
            t("allPassed")
          ) : access.project.status === "killed" ? (
            t("killed")
          ) : current ? (
            <>
              {t("currentGate", { number: current.number, status: statusWord(current.status).toLowerCase() })}{" "}
              <Link
                className="font-medium text-brand-700 underline"
                href={`/projects/${projectId}/gates/${current.number}`}
              >
                {t("openGate", { number: current.number })}
              </Link>
            </>
          ) : null}
        </p>
      </Card>
      <Table caption={t("caption", { highest: gates[0]?.number ?? 1 })}>
        <thead>
          <tr>
            <Th>{t("gate")}</Th>
            <Th>{t("status")}</Th>
            <Th>{t("artifacts")}</Th>
            <Th>{t("board")}</Th>
            <Th>{t("rule")}</Th>
            <Th>{t("planned")}</Th>
            <Th>{t("decision")}</Th>
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
                  {g.current ? <span className="ml-2 text-xs font-semibold text-brand-800">{t("current")}</span> : null}
                </Td>
                <Td>
                  <StatusBadge status={g.status} />
                </Td>
                <Td>
                  {progress.required
                    ? t("requiredApproved", { approved: progress.approved, required: progress.required })
                    : t("noneRequired")}
                </Td>
                <Td>
                  {g.board.length
                    ? t("boardSize", { count: g.board.length, required: g.board.filter((b) => b.required).length })
                    : "—"}
                </Td>
                <Td>
                  {rules[g.decisionRule]}
                  {g.decisionRule === "quorum" ? ` ${g.quorum}` : ""}
                </Td>
                <Td>{format.date(g.plannedDate)}</Td>
                <Td>
                  {g.decision ? voteWord(g.decision) : "—"}
                  {openConditions ? (
                    <span className="block text-xs text-amber-800">
                      {t("openConditions", { count: openConditions })}
                    </span>
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
