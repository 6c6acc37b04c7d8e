import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { timingLabel } from "@/components/quality-activity-list";
import { Badge, humanize } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { loadRules, loadScale } from "@/lib/data/quality-scale";
import { matchValueLabel } from "@/lib/domain/policy-labels";
import { QUESTION_LABELS, type QualityQuestion } from "@/lib/domain/quality-selection";
import { highestGateNumber } from "@/lib/data/policy-versions";
import { requireAdminPage } from "../require-admin";
import { ActivityDialog, LevelForm, RemoveButton, RuleDialog } from "./scale-forms";

export const metadata: Metadata = { title: "Quality scale" };

export default async function QualityScalePage() {
  await requireAdminPage();
  const db = getDb();
  const highestGate = await highestGateNumber(db);
  const scale = await loadScale(db);
  const rules = await loadRules(db);
  return (
    <>
      <PageHeader
        title="Quality scale"
        description={
          "The levels a sprint can be tested to, the activities each requires, and the rule table that " +
          "recommends a level. Changes apply to new selections; sprints keep the activities they chose."
        }
      />
      <div className="space-y-6">
        {scale.map((level) => (
          <Card
            key={level.id}
            title={
              <span className="flex items-center gap-2">
                <Badge tone="info">{level.level}</Badge> {level.name}
              </span>
            }
            actions={<ActivityDialog standardId={level.id} levelName={level.level} highestGate={highestGate} />}
          >
            <div className="grid gap-6 lg:grid-cols-[22rem_1fr]">
              <LevelForm level={level} />
              <div>
                <h3 className="text-sm font-semibold text-slate-900">Required activities</h3>
                {level.activities.length === 0 ? (
                  <p className="mt-1 text-sm text-slate-600">No activity required at this level.</p>
                ) : (
                  <ul className="divide-y divide-slate-100" aria-label={`Activities of ${level.level}`}>
                    {level.activities.map((a) => (
                      <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                        <div className="min-w-0">
                          <p className="text-sm font-medium text-slate-900">{a.name}</p>
                          <p className="text-xs text-slate-600">
                            {humanize(a.environment)} · {timingLabel(a)}
                          </p>
                        </div>
                        <div className="flex items-center gap-1">
                          <ActivityDialog
                            standardId={level.id}
                            levelName={level.level}
                            activity={a}
                            highestGate={highestGate}
                          />
                          <RemoveButton what={`${a.name} from ${level.level}`} kind="activity" id={a.id} />
                        </div>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </div>
          </Card>
        ))}

        <Card title="Selection rules" actions={<RuleDialog />}>
          <p className="mb-3 text-sm text-slate-600">
            Each matching rule adds its points; the recommended level is the highest whose minimum points the total
            reaches.
          </p>
          {rules.length === 0 ? (
            <EmptyState title="No rules">Every sprint would be recommended the lowest level. Add a rule.</EmptyState>
          ) : (
            <Table caption="Selection rules">
              <thead>
                <tr>
                  <Th>Question</Th>
                  <Th>Matches</Th>
                  <Th>Points</Th>
                  <Th>Reason</Th>
                  {/* relative: keeps the absolutely positioned sr-only text inside the scrolling table. */}
                  <Th className="relative">
                    <span className="sr-only">Actions</span>
                  </Th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rules.map((r) => (
                  <tr key={r.id}>
                    <Td>{QUESTION_LABELS[r.question as QualityQuestion] ?? r.question}</Td>
                    <Td>{matchValueLabel(r.matchValue)}</Td>
                    <Td className="tabular-nums">{r.points > 0 ? `+${r.points}` : r.points}</Td>
                    <Td>{r.reason}</Td>
                    <Td className="whitespace-nowrap">
                      <RuleDialog rule={r} />
                      <RemoveButton what={`the rule "${r.reason}"`} kind="rule" id={r.id} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
