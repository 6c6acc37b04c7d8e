import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { GatePath } from "@/components/gate-path";
import { voteWords } from "@/components/gate-words";
import { StatusBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { boardCandidates } from "@/lib/data/gate-board";
import { gateDetail, listGates } from "@/lib/data/gate-views";
import { submitCommandFor } from "@/lib/data/gates";
import { ACCEPT_ATTRIBUTE } from "@/lib/data/uploads";
import { boardChangeable, isDecided, submittableGate, type ArtifactState } from "@/lib/domain/gate";
import {
  decisionReadiness,
  mayRecordDecision,
  requiredArtifactProgress,
  submitReadiness,
} from "@/lib/domain/gate-readiness";
import { conditionWordsFrom } from "@/lib/domain/condition-check";
import { MAX_GATES } from "@/lib/domain/policy";
import { orNotFound } from "@/lib/page";
import { requireActor } from "@/lib/session";
import { ArtifactChecklist } from "./artifact-checklist";
import { BoardPanel } from "./board-panel";
import { ConditionList } from "./condition-list";
import { PlannedDateForm, SubmitGateButton } from "./gate-controls";
import { LiveVotes } from "./live-votes";
import { RecordedVote } from "./recorded-vote";
import { DecisionForm, VoteForm } from "./review-on-demand";
import { getFormat } from "@/lib/i18n/format-server";
import { getTranslations } from "next-intl/server";
import { PolicyText, UntranslatedMark } from "@/components/policy-text";
import { readerLocale } from "@/lib/data/reader-locale";
import { requestValidationWords } from "@/lib/validation/custom-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("gatePage");
  return { title: t("title") };
}

export default async function GatePage({ params }: { params: Promise<{ projectId: string; number: string }> }) {
  const { projectId, number: raw } = await params;
  const number = Number(raw);
  if (!Number.isInteger(number) || number < 1 || number > MAX_GATES) notFound();
  const actor = await requireActor();
  const db = getDb();
  const detail = await orNotFound(async () => await gateDetail(db, actor, projectId, number, await readerLocale()));
  const { gates } = await listGates(db, actor, projectId, undefined, await readerLocale());
  const { gate, project, you, rounds } = detail;
  const t = await getTranslations("gatePage");
  const format = await getFormat();
  const voteWord = await voteWords();
  const roleWords: Record<string, string> = {
    project_manager: t("roleProjectManager"),
    team_member: t("roleTeamMember"),
    integrator: t("roleIntegrator"),
    client_owner: t("roleClientOwner"),
    guardian: t("roleGuardian"),
    client_viewer: t("roleClientViewer"),
  };
  const roleWord = (role: string) => roleWords[role] ?? role;
  const running = project.status === "active" || project.status === "on_hold";
  const open = !isDecided(gate.status) && running;
  const inReview = gate.status === "in_review" && gate.current;
  const submittable = you.canManage && gate.current && submittableGate(gate, project);
  const boardEditable = you.canManage && running && boardChangeable(gate);
  const candidates = boardEditable ? await boardCandidates(db, actor, projectId) : [];
  const ownerOptions = new Map<string, string>();
  for (const m of detail.members) ownerOptions.set(m.userId, `${m.name} (${m.roles.map(roleWord).join(", ")})`);
  for (const b of gate.board)
    if (!ownerOptions.has(b.userId)) ownerOptions.set(b.userId, t("boardOwner", { name: b.name }));
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
  const boardNames = gate.board.map((b) => b.name);
  const recorders =
    boardNames.length <= 1
      ? boardNames.join("")
      : t("namesAnd", { names: boardNames.slice(0, -1).join(", "), last: boardNames.at(-1) ?? "" });
  const rule =
    gate.decisionRule === "quorum"
      ? t("ruleQuorum", { quorum: gate.quorum ?? 1 })
      : gate.decisionRule === "majority"
        ? t("ruleMajority")
        : t("ruleUnanimous");

  return (
    <div className="space-y-6">
      <Card>
        <GatePath projectId={projectId} steps={gates} activeNumber={gate.number} />
      </Card>
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-xl font-semibold text-slate-900">
          {t("heading", { number: gate.number, name: gate.name })}
          <UntranslatedMark language={gate.nameUntranslated} />
        </h2>
        <StatusBadge status={gate.status} />
        {gate.current ? <span className="text-sm font-medium text-brand-800">{t("currentGate")}</span> : null}
        {gate.round > 1 ? (
          <span className="text-sm text-slate-600">{t("reviewRound", { round: gate.round })}</span>
        ) : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <div className="min-w-0 space-y-6">
          <Card title={t("objectives")}>
            <p className="text-sm text-slate-800">
              {gate.objectives ? <PolicyText text={gate.objectives} untranslated={gate.objectivesUntranslated} /> : "—"}
            </p>
            <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("decisionRule")}</dt>
                <dd>{rule}</dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("dates")}</dt>
                <dd>
                  {t("plannedOn", { date: format.date(gate.plannedDate) })}
                  {gate.submittedAt ? ` · ${t("submittedOn", { date: format.date(gate.submittedAt) })}` : ""}
                  {gate.decidedAt ? ` · ${t("decidedOn", { date: format.date(gate.decidedAt) })}` : ""}
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
            <Card title={t("submitTitle")} id="submit">
              <p className="mb-3 text-sm text-slate-700">{t("submitIntro")}</p>
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
          <Card
            id="artifacts"
            title={t("artifacts", {
              progress: progress.required
                ? t("requiredApproved", { approved: progress.approved, required: progress.required })
                : t("noneRequired"),
            })}
          >
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
            <Card title={t("decision")}>
              <p className="text-sm text-slate-900">
                <StatusBadge
                  status={gate.status === "pending" ? "recycled" : gate.decision}
                  label={voteWord(gate.decision)}
                />{" "}
                {t("decidedBy", { name: gate.decidedBy?.name ?? "", date: format.date(gate.decidedAt) })}
              </p>
              <p className="mt-2 text-sm text-slate-800">{gate.decisionRationale}</p>
            </Card>
          ) : null}
          {gate.conditions.length ? (
            <Card title={t("conditions")} id="conditions">
              <ConditionList
                projectId={projectId}
                conditions={gate.conditions}
                youId={you.id}
                canManage={you.canManage}
              />
            </Card>
          ) : null}
          <Card title={t("rounds")}>
            {rounds.length ? (
              <ol className="space-y-4">
                {rounds.map((r) => (
                  <li key={r.round} className="text-sm">
                    <p className="font-medium text-slate-900">
                      {t("round", { round: r.round })}{" "}
                      {r.decision
                        ? t("roundDecision", {
                            decision: voteWord(r.decision.decision),
                            name: r.decision.decidedBy,
                            date: format.date(r.decision.decidedAt),
                          })
                        : t("noDecision")}
                    </p>
                    {r.decision ? <p className="text-slate-700">{r.decision.rationale}</p> : null}
                    <ul className="mt-1 list-disc pl-5 text-slate-700">
                      {r.votes.map((v) => (
                        <li key={v.userId}>
                          {t("voteLine", { name: v.name, vote: voteWord(v.vote), rationale: v.rationale })}
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-sm text-slate-600">{t("noRounds")}</p>
            )}
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card title={t("board", { count: gate.board.length })} id="board">
            <BoardPanel
              projectId={projectId}
              gateNumber={gate.number}
              board={gate.board}
              votes={gate.votes}
              candidates={candidates}
              editable={boardEditable}
            />
          </Card>
          <Card title={gate.status === "in_review" ? t("votesOfRound", { round: gate.round }) : t("votes")} id="votes">
            {/* Only this panel fetches from the browser (it polls the gate during a review). */}
            <LiveVotes projectId={projectId} gate={gate} youId={you.id} />
            {inReview && you.onBoard ? (
              <div className="mt-4 border-t border-slate-200 pt-4">
                <VoteForm
                  key={gate.round}
                  projectId={projectId}
                  gateNumber={gate.number}
                  yourVote={you.yourVote}
                  recorded={<RecordedVote vote={you.yourVote} />}
                />
              </div>
            ) : null}
          </Card>
          {decisionChecks && mayRecordDecision(decisionChecks) ? (
            <Card title={t("recordDecision")}>
              <DecisionForm
                key={gate.round}
                projectId={projectId}
                gate={gate}
                owners={[...ownerOptions].map(([value, label]) => ({ value, label }))}
                checks={decisionChecks}
                conditionWords={conditionWordsFrom(await requestValidationWords(await readerLocale()))}
              />
            </Card>
          ) : inReview ? (
            <Card title={t("whoRecords")}>
              <p className="text-sm text-slate-700">
                {gate.board.length ? t("recordedBy", { names: recorders }) : t("nobodyRecords")}
              </p>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
