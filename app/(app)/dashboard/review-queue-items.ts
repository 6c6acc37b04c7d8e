// The items of the dashboard's review queue as markup text (lib/html.ts) rather than elements React
// builds one by one on every request. Their links navigate within the app through the ClientLinks
// around the card.
import { getTranslations } from "next-intl/server";
import type { ReviewQueue } from "@/lib/data/review-queue";
import { markup } from "@/lib/html";
import type { Format } from "@/lib/i18n/format";

const LIST_ITEM = "px-3 py-2 text-sm";
const GATE_ITEM = "flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm";
const LINK = "font-medium text-brand-700 hover:underline";

export async function reviewQueueMarkup(
  queue: ReviewQueue,
  format: Format,
): Promise<{ gates: string; artifacts: string }> {
  const t = await getTranslations("reviewQueue");
  const required = markup`<span class="badge badge-warning">${t("requiredVote")}</span>`;
  const submitted = (at: string | null) => at && markup`<span>${t("submitted", { date: format.date(at) })}</span>`;
  // Written without whitespace between the tags, which every item would carry.
  // prettier-ignore
  const gates = queue.gates.map((g) => markup`<li class="${GATE_ITEM}">${[
    markup`<div class="min-w-0"><a href="/projects/${g.projectId}/gates/${g.gateNumber}" class="${LINK}">`,
    markup`${t("gate", { number: g.gateNumber, name: g.gateName })}</a>`,
    markup`<div class="text-slate-600">${g.projectName}</div></div>`,
    markup`<div class="flex items-center gap-2 text-xs text-slate-600">`,
    markup`${g.required && required}${submitted(g.submittedAt)}</div>`,
  ]}</li>`);
  // prettier-ignore
  const artifacts = queue.artifacts.map((a) => markup`<li class="${LIST_ITEM}">${[
    markup`<a href="/projects/${a.projectId}/gates/${a.gateNumber}" class="${LINK}">${a.title}</a> `,
    markup`<span class="text-slate-600">${t("version", { number: a.versionNumber })}</span>`,
    markup`<div class="text-slate-600">`,
    markup`${t("artifactLine", { project: a.projectName, gate: a.gateNumber, date: format.date(a.submittedAt) })}`,
    markup`</div>`,
  ]}</li>`);
  return { gates: markup`${gates}`.text, artifacts: markup`${artifacts}`.text };
}
