// A gate's conditions, rendered on the server: each one's text, owner, dates and status. Marking one met is
// the client part (MarkConditionMet in gate-controls.tsx), shown to its owner and to those who manage.
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/ui/badge";
import type { GateDetail } from "@/lib/data/gate-views";
import { getFormat } from "@/lib/i18n/format-server";
import { ConditionChanges, MarkConditionMet } from "./gate-controls";

export async function ConditionList({
  projectId,
  conditions,
  youId,
  canManage,
}: {
  projectId: string;
  conditions: GateDetail["gate"]["conditions"];
  youId: string;
  canManage: boolean;
}) {
  const t = await getTranslations("gateControls");
  const format = await getFormat();
  return (
    <div className="space-y-2">
      <ConditionChanges>
        <ul className="divide-y divide-slate-100" aria-label={t("conditions")}>
          {conditions.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <div className="min-w-0">
                <p className="text-slate-900">{c.text}</p>
                <p className="text-xs text-slate-600">
                  {t("conditionOwner", { name: c.ownerName, date: format.date(c.dueDate) })}
                  {c.closedAt ? ` · ${t("metOn", { date: format.date(c.closedAt) })}` : ""}
                </p>
              </div>
              <div className="flex items-center gap-2">
                <StatusBadge status={c.status} />
                {c.status === "open" && (c.ownerId === youId || canManage) ? (
                  <MarkConditionMet projectId={projectId} conditionId={c.id} text={c.text} />
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      </ConditionChanges>
    </div>
  );
}
