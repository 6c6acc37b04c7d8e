// The gate board: its members, their seats and votes, rendered on the server. A PM's controls (a seat's
// "required" box and removal, adding a person) are the client parts of board-seat-controls.tsx.
import { getTranslations } from "next-intl/server";
import { voteWords } from "@/components/gate-words";
import { Badge } from "@/components/ui/badge";
import type { GateDetail } from "@/lib/data/gate-views";
import { AddBoardSeatForm, BoardSeatChanges, BoardSeatControls } from "./board-seat-controls";

type Candidate = { id: string; name: string; email: string; role: string };

export async function BoardPanel({
  projectId,
  gateNumber,
  board,
  votes,
  candidates,
  editable,
}: {
  projectId: string;
  gateNumber: number;
  board: GateDetail["gate"]["board"];
  votes: GateDetail["gate"]["votes"];
  candidates: Candidate[];
  editable: boolean;
}) {
  const t = await getTranslations("gateBoard");
  const voteWord = await voteWords();
  const seated = new Set(board.map((b) => b.userId));
  const members = board.length ? (
    <ul className="divide-y divide-slate-100" aria-label={t("members")}>
      {board.map((b) => {
        const vote = votes.find((v) => v.userId === b.userId);
        return (
          <li key={b.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">
                {b.name} {b.required ? <Badge tone="info">{t("required")}</Badge> : null}{" "}
                <Badge>{b.side === "client" ? t("client") : t("vendor")}</Badge>
              </p>
              <p className="truncate text-xs text-slate-600">{b.email}</p>
            </div>
            <div className="flex items-center gap-2">
              {vote ? (
                <Badge tone={vote.vote === "go" || vote.vote === "conditional_go" ? "success" : "warning"}>
                  {t("voted", { vote: voteWord(vote.vote).toLowerCase() })}
                </Badge>
              ) : null}
              {editable ? (
                <BoardSeatControls
                  projectId={projectId}
                  gateNumber={gateNumber}
                  userId={b.userId}
                  name={b.name}
                  required={b.required}
                />
              ) : null}
            </div>
          </li>
        );
      })}
    </ul>
  ) : (
    <p className="text-sm text-slate-600">{t("empty")}</p>
  );
  if (!editable) return <div className="space-y-4">{members}</div>;
  return (
    <div className="space-y-4">
      <BoardSeatChanges>{members}</BoardSeatChanges>
      <AddBoardSeatForm
        projectId={projectId}
        gateNumber={gateNumber}
        options={candidates
          .filter((c) => !seated.has(c.id))
          .map((c) => ({
            value: c.id,
            label:
              c.role === "client"
                ? t("candidateClient", { name: c.name, email: c.email })
                : t("candidate", { name: c.name, email: c.email }),
          }))}
      />
    </div>
  );
}
