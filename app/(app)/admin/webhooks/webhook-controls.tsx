"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useFormat } from "@/lib/i18n/use-format";
import {
  deleteWebhookAction,
  enableWebhookAction,
  resendWebhookDeliveryAction,
  rotateWebhookSecretAction,
  sendWebhookTestAction,
} from "./actions";
import { SecretOnce } from "./secret-once";

type Target = { webhookId: string; projectId: string | null };
type Outcome = { ok: boolean; message?: string };

function useRun() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const run = (work: () => Promise<Outcome>, done: string) =>
    startTransition(async () => {
      const result = await work();
      setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.message ?? "" });
    });
  return { message, pending, run };
}

function Said({ message }: { message: { ok: boolean; text: string } | null }) {
  if (!message?.text) return null;
  return message.ok ? (
    <p role="status" className="text-sm text-green-800">
      {message.text}
    </p>
  ) : (
    <p role="alert" className="text-sm text-red-700">
      {message.text}
    </p>
  );
}

/** An endpoint's buttons: send a test event, rotate the secret, enable again, delete. */
export function WebhookControls({ target, disabled }: { target: Target; disabled: boolean }) {
  const t = useTranslations("webhooks");
  const format = useFormat();
  const router = useRouter();
  const { message, pending, run } = useRun();
  const [rotated, setRotated] = useState<{ secret: string; until: string } | null>(null);

  if (rotated) {
    return (
      <SecretOnce
        secret={rotated.secret}
        note={t("rotatedNote", { until: format.dateTime(rotated.until) })}
        onDone={() => {
          setRotated(null);
          router.refresh();
        }}
      />
    );
  }
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {disabled ? (
          <Button disabled={pending} onClick={() => run(() => enableWebhookAction(target), t("enabledDone"))}>
            {t("enable")}
          </Button>
        ) : (
          <Button
            disabled={pending}
            onClick={() =>
              run(async () => {
                const result = await sendWebhookTestAction(target);
                if (result.ok) setTimeout(() => router.refresh(), 2000);
                return result;
              }, t("testQueued"))
            }
          >
            {t("sendTest")}
          </Button>
        )}
        <ConfirmDialog
          variant="primary"
          trigger={
            <Button variant="secondary" disabled={pending}>
              {t("rotate")}
            </Button>
          }
          title={t("rotateTitle")}
          description={t("rotateDescription")}
          confirmLabel={t("rotateConfirm")}
          onConfirm={() =>
            run(async () => {
              const result = await rotateWebhookSecretAction(target);
              if (result.ok && result.data) {
                setRotated({ secret: result.data.secret, until: result.data.previousSecretUntil });
              }
              return result;
            }, "")
          }
        />
        <ConfirmDialog
          trigger={
            <Button variant="danger" disabled={pending}>
              {t("delete")}
            </Button>
          }
          title={t("deleteTitle")}
          description={t("deleteDescription")}
          confirmLabel={t("deleteConfirm")}
          onConfirm={() =>
            run(async () => {
              const result = await deleteWebhookAction(target);
              if (result.ok && result.data) router.push(result.data);
              return result;
            }, "")
          }
        />
      </div>
      <Said message={message} />
    </div>
  );
}

/** Sends one delivery again (same `webhook-id`). */
export function ResendButton({ target, deliveryId, label }: { target: Target; deliveryId: string; label: string }) {
  const t = useTranslations("webhooks");
  const router = useRouter();
  const { message, pending, run } = useRun();
  return (
    <div className="space-y-1">
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        aria-label={label}
        onClick={() =>
          run(async () => {
            const result = await resendWebhookDeliveryAction({ ...target, deliveryId });
            if (result.ok) setTimeout(() => router.refresh(), 2000);
            return result;
          }, t("resent"))
        }
      >
        {t("resend")}
      </Button>
      <Said message={message} />
    </div>
  );
}
