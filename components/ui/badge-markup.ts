// Status and health badges as markup (lib/html.ts), for lists written as text on the server: the
// same classes and words as StatusBadge and HealthBadge (badge.tsx), their words looked up once
// per list rather than once per badge.
import { getTranslations } from "next-intl/server";
import { markup, type Html } from "@/lib/html";
import { HEALTH_TONES, STATUS_TONES, statusNameFrom, statusNamesOf, type StatusWords } from "./badge";

type Health = "green" | "amber" | "red";

/** A status's name in the reader's language, as useStatusName gives it. */
export async function getStatusName(): Promise<(status: string) => string> {
  const t = await getTranslations("statusBadge");
  return statusNameFrom(statusNamesOf(t as unknown as StatusWords));
}

/** Green, amber, red in the reader's language, as useHealthName gives them. */
export async function getHealthName(): Promise<(health: Health) => string> {
  const h = await getTranslations("healthBadge");
  const names = { green: h("green"), amber: h("amber"), red: h("red") };
  return (health) => names[health];
}

export function statusBadgeHtml(status: string, name: string): Html {
  return markup`<span class="badge badge-${STATUS_TONES[status] ?? "neutral"}">${name}</span>`;
}

export function healthBadgeHtml(health: Health, name: string): Html {
  const dot = markup`<span aria-hidden="true" class="health-dot health-dot-${health}"></span>`;
  return markup`<span class="badge badge-${HEALTH_TONES[health]}">${dot}<span>${name}</span></span>`;
}
