"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { SessionView } from "@/lib/data/sessions";
import { useFormat } from "@/lib/i18n/use-format";
import { revokeOtherSessionsAction, revokeSessionAction } from "./session-actions";

export function SessionList({ sessions }: { sessions: SessionView[] }) {
  const t = useTranslations("sessions");
  const format = useFormat();
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
                {device(s)}{" "}
                {s.current ? (
                  <Badge tone="success" className="ml-1">
                    {t("thisSession")}
                  </Badge>
                ) : null}
              </p>
              <p className="text-xs text-slate-600">
                {s.ip ? t("fromIp", { ip: s.ip }) : t("ipUnknown")} ·{" "}
                {t("signedIn", { dateTime: format.dateTime(s.createdAt) })} ·{" "}
                {t("lastSeen", { dateTime: format.dateTime(s.lastSeenAt) })}
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
