"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { SessionView } from "@/lib/data/sessions";
import { revokeOtherSessionsAction, revokeSessionAction } from "./session-actions";

/** A session with its times in the reader's words, formatted on the server so the page ships no formatter. */
export type ListedSession = SessionView & { signedIn: string; lastSeen: string };

/** `thisSession`: the badge marking the current session, rendered on the server (its module stays off the page). */
export function SessionList({ sessions, thisSession }: { sessions: ListedSession[]; thisSession: ReactNode }) {
  const t = useTranslations("sessions");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const others = sessions.filter((s) => !s.current).length;
  const device = (s: SessionView) =>
    s.browser && s.os
      ? t("browserOn", { browser: s.browser, os: s.os })
      : (s.browser ?? (s.os ? t("browserUnknownOn", { os: s.os }) : t("deviceUnknown")));
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-slate-100" aria-label={t("listLabel")}>
        {sessions.map((s) => (
          <li
            key={s.id}
            data-testid="session"
            data-current={s.current ? "true" : undefined}
            className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
          >
            <div>
              <p className="font-medium">
                {device(s)} {s.current ? thisSession : null}
              </p>
              <p className="text-xs text-slate-600">
                {s.ip ? t("fromIp", { ip: s.ip }) : t("ipUnknown")} · {t("signedIn", { dateTime: s.signedIn })} ·{" "}
                {t("lastSeen", { dateTime: s.lastSeen })}
              </p>
            </div>
            {s.current ? null : (
              <ConfirmDialog
                trigger={
                  <Button variant="secondary" size="sm" disabled={pending}>
                    {t("revoke")}
                  </Button>
                }
                title={t("revokeTitle", { device: device(s) })}
                description={t("revokeDescription")}
                confirmLabel={t("revokeConfirm")}
                onConfirm={() =>
                  startTransition(async () => {
                    const result = await revokeSessionAction({ sessionId: s.id });
                    setNotice(null);
                    setError(result.ok ? null : (result.message ?? t("revokeFailed")));
                  })
                }
              />
            )}
          </li>
        ))}
      </ul>
      {others > 0 ? (
        <ConfirmDialog
          trigger={
            <Button variant="secondary" disabled={pending}>
              {t("revokeOthers")}
            </Button>
          }
          title={t("revokeOthersTitle", { count: others })}
          description={t("revokeOthersDescription")}
          confirmLabel={t("revokeOthersConfirm")}
          onConfirm={() =>
            startTransition(async () => {
              const result = await revokeOtherSessionsAction({});
              setError(result.ok ? null : (result.message ?? t("revokeFailed")));
              setNotice(result.ok ? t("othersRevoked", { count: Number(result.data ?? 0) }) : null);
            })
          }
        />
      ) : (
        <p className="text-sm text-slate-600">{t("onlyThisOne")}</p>
      )}
      {notice ? (
        <p role="status" className="text-sm text-green-800">
          {notice}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
