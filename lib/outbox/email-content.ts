// The emails themselves, in the recipient's language: a notification, the daily digest, an
// invitation and a password reset. Each has a plain-text part and an HTML part saying the same,
// and every link is absolute (the app's public URL), since an email has no page to be relative to.
import { createTranslator } from "next-intl";
import type { NotificationParams } from "@/lib/data/notifications";
import type { EmailKind } from "@/lib/domain/email-preferences";
import { formatFor } from "@/lib/i18n/format";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locale";
import type { MailMessage } from "@/lib/mail";
import { notificationTitle, type NotificationWords } from "@/lib/views/notification-title";
import { loadMessages, type Messages } from "@/messages/catalogue";

export const localeOf = (value: string | null | undefined): Locale => (isLocale(value) ? value : DEFAULT_LOCALE);

async function words(locale: Locale) {
  const messages: Messages = await loadMessages(locale);
  return {
    t: createTranslator({ locale, messages, namespace: "emailMessage" }),
    kinds: createTranslator({ locale, messages, namespace: "emailKinds" }),
    titles: createTranslator({ locale, messages, namespace: "notificationTitle" }) as unknown as NotificationWords,
  };
}

/** A kind's name in the reader's words; one literal call per kind (the catalogue test reads keys literally). */
export function kindLabel(kinds: (key: EmailKind) => string, kind: EmailKind): string {
  switch (kind) {
    case "reviews":
      return kinds("reviews");
    case "review_outcomes":
      return kinds("review_outcomes");
    case "gate_decisions":
      return kinds("gate_decisions");
    case "sprints":
      return kinds("sprints");
    case "go_live":
      return kinds("go_live");
    case "escalations":
      return kinds("escalations");
    case "validation":
      return kinds("validation");
    case "reports":
      return kinds("reports");
  }
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** A small, inline-styled HTML page (mail clients ignore style sheets); every text is escaped. */
function htmlPage(locale: Locale, blocks: string[]): string {
  return [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"></head>`,
    `<body style="font-family:Arial,Helvetica,sans-serif;color:#0f172a;line-height:1.5;max-width:600px">`,
    ...blocks,
    `</body></html>`,
  ].join("\n");
}

const p = (text: string, style = "") => `<p${style ? ` style="${style}"` : ""}>${escapeHtml(text)}</p>`;
const a = (href: string, text: string) => `<a href="${escapeHtml(href)}" style="color:#1d4ed8">${escapeHtml(text)}</a>`;
const button = (href: string, text: string) =>
  `<p><a href="${escapeHtml(href)}" style="display:inline-block;background:#1d4ed8;color:#ffffff;` +
  `padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(text)}</a></p>`;
const small = "font-size:12px;color:#475569";

export type NotificationEmailInput = {
  locale: string | null;
  name: string;
  email: string;
  kind: string;
  emailKind: EmailKind;
  title: string;
  params: NotificationParams | null;
  url: string;
  settingsUrl: string;
  unsubscribeUrl: string;
};

export async function notificationEmail(input: NotificationEmailInput): Promise<MailMessage> {
  const locale = localeOf(input.locale);
  const { t, kinds, titles } = await words(locale);
  const title = notificationTitle(titles, { kind: input.kind, title: input.title, params: input.params });
  const kind = kindLabel(kinds, input.emailKind);
  const text = [
    t("greeting", { name: input.name }),
    "",
    title,
    "",
    `${t("open")}: ${input.url}`,
    "",
    "-- ",
    t("why", { kind }),
    `${t("settings")}: ${input.settingsUrl}`,
    `${t("unsubscribe", { kind })}: ${input.unsubscribeUrl}`,
  ].join("\n");
  const html = htmlPage(locale, [
    p(t("greeting", { name: input.name })),
    p(title, "font-size:16px;font-weight:bold"),
    button(input.url, t("open")),
    `<hr style="border:none;border-top:1px solid #e2e8f0">`,
    p(t("why", { kind }), small),
    `<p style="${small}">${a(input.settingsUrl, t("settings"))} · ` +
      `${a(input.unsubscribeUrl, t("unsubscribe", { kind }))}</p>`,
  ]);
  return {
    to: input.email,
    subject: title,
    text,
    html,
    headers: unsubscribeHeaders(input.unsubscribeUrl),
  };
}

/** RFC 8058: mail clients show an "unsubscribe" button that POSTs to the link, no page opened. */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export type DigestItem = { kind: string; title: string; params: NotificationParams | null; url: string };

export async function digestEmail(input: {
  locale: string | null;
  name: string;
  email: string;
  items: DigestItem[];
  settingsUrl: string;
}): Promise<MailMessage> {
  const locale = localeOf(input.locale);
  const { t, titles } = await words(locale);
  const lines = input.items.map((item) => ({
    title: notificationTitle(titles, { kind: item.kind, title: item.title, params: item.params }),
    url: item.url,
  }));
  const text = [
    t("greeting", { name: input.name }),
    "",
    t("digestIntro"),
    "",
    ...lines.flatMap((line) => [`- ${line.title}`, `  ${line.url}`]),
    "",
    "-- ",
    t("digestWhy"),
    `${t("settings")}: ${input.settingsUrl}`,
  ].join("\n");
  const html = htmlPage(locale, [
    p(t("greeting", { name: input.name })),
    p(t("digestIntro")),
    `<ul>${lines.map((line) => `<li style="margin-bottom:6px">${a(line.url, line.title)}</li>`).join("")}</ul>`,
    `<hr style="border:none;border-top:1px solid #e2e8f0">`,
    p(t("digestWhy"), small),
    `<p style="${small}">${a(input.settingsUrl, t("settings"))}</p>`,
  ]);
  return {
    to: input.email,
    subject: t("digestSubject", { count: lines.length }),
    text,
    html,
  };
}

export type AccountLinkEmailInput = {
  template: "invitation" | "password_reset";
  locale: string | null;
  to: string;
  name: string;
  inviter: string | null;
  url: string;
  expiresAt: string;
};

/** An invitation or a password reset: one link, when it stops working, and what to do otherwise. */
export async function accountLinkEmail(input: AccountLinkEmailInput): Promise<MailMessage> {
  const locale = localeOf(input.locale);
  const { t } = await words(locale);
  // The link's end in UTC, named as such: the recipient's zone is not known before they sign in.
  const expires = formatFor(locale, "UTC").dateTime(input.expiresAt);
  const invite = input.template === "invitation";
  const subject = invite ? t("inviteSubject") : t("resetSubject");
  const body = invite ? t("inviteBody", { inviter: input.inviter ?? "Lightgate" }) : t("resetBody");
  const action = invite ? t("inviteAction") : t("resetAction");
  const expiry = invite ? t("inviteExpires", { expires }) : t("resetExpires", { expires });
  const text = [t("greeting", { name: input.name }), "", body, "", `${action}: ${input.url}`, "", expiry].join("\n");
  const html = htmlPage(locale, [
    p(t("greeting", { name: input.name })),
    p(body),
    button(input.url, action),
    p(expiry, small),
    `<p style="${small}">${escapeHtml(input.url)}</p>`,
  ]);
  return { to: input.to, subject, text, html };
}
