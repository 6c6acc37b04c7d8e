"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { CopyableValue } from "@/components/copyable-value";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { createCalendarFeedAction, resetCalendarFeedAction } from "./calendar-actions";

/** The person's calendar address: made on request, copied, or reset (the old one stops working). */
export function CalendarPanel({ url: initialUrl }: { url: string | null }) {
  const t = useTranslations("calendarPanel");
  const [url, setUrl] = useState(initialUrl);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (act: typeof createCalendarFeedAction, done: string | null) =>
    startTransition(async () => {
      const result = await act({});
      if (result.ok && typeof result.data === "string") {
        setUrl(result.data);
        setNote(done);
        setError(null);
      } else setError(result.message ?? t("failed"));
    });
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">{t("body")}</p>
      {url ? (
        <>
          <CopyableValue
            id="calendar-address"
            label={t("address")}
            value={url}
            copyLabel={t("copy")}
            copiedNote={t("copied")}
          />
          <ConfirmDialog
            trigger={
              <Button variant="secondary" disabled={pending}>
                {t("reset")}
              </Button>
            }
            title={t("resetTitle")}
            description={t("resetDescription")}
            confirmLabel={t("resetConfirm")}
            onConfirm={() => run(resetCalendarFeedAction, t("resetDone"))}
          />
        </>
      ) : (
        <Button disabled={pending} onClick={() => run(createCalendarFeedAction, null)}>
          {pending ? t("creating") : t("create")}
        </Button>
      )}
      {note ? (
        <p role="status" className="text-sm text-green-800">
          {note}
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
