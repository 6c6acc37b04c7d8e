import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { GatePath } from "@/components/gate-path";
import { humanize, StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { boardCandidates } from "@/lib/data/gate-board";
import { gateDetail, listGates } from "@/lib/data/gate-views";
import { submitCommandFor } from "@/lib/data/gates";
import { ACCEPT_ATTRIBUTE } from "@/lib/data/uploads";
import {
  boardChangeable,
  describeDecisionRule,
  isDecided,
  submittableGate,
  type ArtifactState,
} from "@/lib/domain/gate";
import {
  decisionReadiness,
  mayRecordDecision,
  namesInWords,
  requiredArtifactProgress,
  submitReadiness,
} from "@/lib/domain/gate-readiness";
import { MAX_GATES } from "@/lib/domain/policy";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { ArtifactChecklist } from "./artifact-checklist";
import { BoardPanel } from "./board-panel";
import { ConditionList, PlannedDateForm, SubmitGateButton } from "./gate-controls";
import { LiveVotes } from "./live-votes";
import { DecisionForm, VoteForm } from "./review-panel";
import { formatDate } from "@/lib/display-format";
import { PolicyText } from "@/components/policy-text";
import { readerLocale } from "@/lib/data/reader-locale";

export const metadata: Metadata = { title: "Gate" };

export default async function GatePage({ params }: { params: Promise<{ projectId: string; number: string }> }) {
  const { projectId, number: raw } = await params;
  const number = Number(raw);
  if (!Number.isInteger(number) || number < 1 || number > MAX_GATES) notFound();
  const actor = await requireActor();
  const db = getDb();
  const detail = await orNotFound(async () => await gateDetail(db, actor, projectId, number, await readerLocale()));
  const { gates } = await listGates(db, actor, projectId, undefined, await readerLocale());
  const { gate, project, you, rounds } = detail;
  const running = project.status === "active" || project.status === "on_hold";
  const open = !isDecided(gate.status) && running;
  const inReview = gate.status === "in_review" && gate.current;
  const submittable = you.canManage && gate.current && submittableGate(gate, project);
  const boardEditable = you.canManage && running && boardChangeable(gate);
  const candidates = boardEditable ? await boardCandidates(db, actor, projectId) : [];
  const ownerOptions = new Map<string, string>();
  for (const m of detail.members) ownerOptions.set(m.userId, `${m.name} (${m.roles.map(humanize).join(", ")})`);
  for (const b of gate.board) if (!ownerOptions.has(b.userId)) ownerOptions.set(b.userId, `${b.name} (board)`);
  // The page asks the workflow itself whether a submit or a decision would be accepted now, so
  // refusals show before any confirmation (and go when their cause goes: they are recomputed
  // on every render from the data).
  const artifactStates: ArtifactState[] = gate.artifacts.map((a) => ({
    id: a.id,
    title: a.title,
    requirement: a.requirement,
    status: a.status,
  }));
  const previousOpenConditions = (gates.find((g) => g.number === gate.number + 1)?.conditions ?? []).filter(
    (c) => c.status === "open",
  );
  const gateAndProject = {
    gate: {
      number: gate.number,
      status: gate.status,
      round: gate.round,
      decisionRule: gate.decisionRule,
      quorum: gate.quorum,
    },
    project: { status: project.status, currentGate: project.currentGate },
  };
  const submitCheck = submittable ? submitReadiness(await submitCommandFor(db, actor, { projectId, number })) : null;
  const decisionChecks = inReview
    ? decisionReadiness({
        ...gateAndProject,
        board: gate.board,
        votes: gate.votes,
        artifacts: artifactStates,
        deciderId: you.id,
      })
    : null;
  // Any change to what submitting depends on remounts the submit control, so an earlier refusal goes with its cause.
  const submitBasis = [
    gate.version,
    ...gate.artifacts.map((a) => `${a.id}:${a.version}:${a.status}`),
    ...previousOpenConditions.map((c) => c.id),
  ].join("|");
  const progress = requiredArtifactProgress(gate.artifacts);
  const recorders = namesInWords(gate.board.map((b) => b.name));
  const rule = describeDecisionRule(gate);

  return (
    <div className="space-y-6">
      <Card>
        <GatePath projectId={projectId} steps={gates} activeNumber={gate.number} />
      </Card>
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-xl font-semibold text-slate-900">
          Gate {gate.number}: <PolicyText text={gate.name} untranslated={gate.nameUntranslated} />
        </h2>
        <StatusBadge status={gate.status} />
        {gate.current ? <span className="text-sm font-medium text-brand-800">Current gate</span> : null}
        {gate.round > 1 ? <span className="text-sm text-slate-600">Review round {gate.round}</span> : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <div className="min-w-0 space-y-6">
          <Card title="Objectives">
            <p className="text-sm text-slate-800">
              {gate.objectives ? <PolicyText text={gate.objectives} untranslated={gate.objectivesUntranslated} /> : "—"}
            </p>
            <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Decision rule</dt>
                <dd>{rule}</dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">Dates</dt>
                <dd>
                  Planned {formatDate(gate.plannedDate)}
                  {gate.submittedAt ? ` · submitted ${formatDate(gate.submittedAt)}` : ""}
                  {gate.decidedAt ? ` · decided ${formatDate(gate.decidedAt)}` : ""}
                </dd>
              </div>
            </dl>
            {you.canManage && open ? (
              <div className="mt-4 border-t border-slate-200 pt-4">
                <PlannedDateForm projectId={projectId} gateNumber={gate.number} plannedDate={gate.plannedDate} />
              </div>
            ) : null}
          </Card>
          {submittable ? (
            <Card title="Submit for review" id="submit">
              <p className="mb-3 text-sm text-slate-700">
                Every required artifact needs a submitted version, the previous gate&apos;s conditions must be met, and
                the board must be able to decide: someone besides you votes, and someone besides each version&apos;s
                author approves it.
              </p>
              <SubmitGateButton
                key={submitBasis}
                projectId={projectId}
                gateNumber={gate.number}
                version={gate.version}
                resumes={gate.status === "hold"}
                refusal={submitCheck && !submitCheck.ok ? submitCheck.refusal.message : null}
              />
            </Card>
          ) : null}
          <Card id="artifacts" title={`Artifacts (${progress.label})`}>
            <ArtifactChecklist
              projectId={projectId}
              gateNumber={gate.number}
              artifacts={gate.artifacts}
              you={you}
              gateOpen={open}
              accept={ACCEPT_ATTRIBUTE}
            />
          </Card>
          {gate.decision ? (
            <Card title="Decision">
              <p className="text-sm text-slate-900">
                <StatusBadge
                  status={gate.status === "pending" ? "recycled" : gate.decision}
                  label={humanize(gate.decision)}
                />{" "}
                by {gate.decidedBy?.name} on {formatDate(gate.decidedAt)}
              </p>
              <p className="mt-2 text-sm text-slate-800">{gate.decisionRationale}</p>
            </Card>
          ) : null}
          {gate.conditions.length ? (
            <Card title="Conditions" id="conditions">
              <ConditionList
                projectId={projectId}
                conditions={gate.conditions}
                youId={you.id}
                canManage={you.canManage}
              />
            </Card>
          ) : null}
          <Card title="Review rounds">
            {rounds.length ? (
              <ol className="space-y-4">
                {rounds.map((r) => (
                  <li key={r.round} className="text-sm">
                    <p className="font-medium text-slate-900">
                      Round {r.round}:{" "}
                      {r.decision
                        ? `${humanize(r.decision.decision)} ` +
                          `by ${r.decision.decidedBy}, ${formatDate(r.decision.decidedAt)}`
                        : "no decision"}
                    </p>
                    {r.decision ? <p className="text-slate-700">{r.decision.rationale}</p> : null}
                    <ul className="mt-1 list-disc pl-5 text-slate-700">
                      {r.votes.map((v) => (
                        <li key={v.userId}>
                          {v.name}: {humanize(v.vote)} — “{v.rationale}”
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-sm text-slate-600">No review round has been decided yet.</p>
            )}
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card title={`Review board (${gate.board.length})`} id="board">
            <BoardPanel
              projectId={projectId}
              gateNumber={gate.number}
              board={gate.board}
              votes={gate.votes}
              candidates={candidates}
              editable={boardEditable}
            />
          </Card>
          <Card title={gate.status === "in_review" ? `Votes, round ${gate.round}` : "Votes"} id="votes">
            {/* Only this panel fetches from the browser (it polls the gate during a review). */}
            <LiveVotes projectId={projectId} gate={gate} youId={you.id} />
            {inReview && you.onBoard ? (
              <div className="mt-4 border-t border-slate-200 pt-4">
                <VoteForm key={gate.round} projectId={projectId} gateNumber={gate.number} yourVote={you.yourVote} />
              </div>
            ) : null}
          </Card>
          {decisionChecks && mayRecordDecision(decisionChecks) ? (
            <Card title="Record the decision">
              <DecisionForm
                key={gate.round}
                projectId={projectId}
                gate={gate}
                owners={[...ownerOptions].map(([value, label]) => ({ value, label }))}
                checks={decisionChecks}
              />
            </Card>
          ) : inReview ? (
            <Card title="Who records the decision">
              <p className="text-sm text-slate-700">
                {gate.board.length
                  ? `The decision is recorded by a board member: ${recorders}.`
                  : "Nobody sits on this gate's board, so nobody can record its decision yet."}
              </p>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
