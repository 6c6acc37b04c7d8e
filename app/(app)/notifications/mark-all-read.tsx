"use client";

import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { markAllReadAction } from "./actions";

export function MarkAllRead() {
  const t = useTranslations("notificationsPage");
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="secondary" disabled={pending} onClick={() => startTransition(() => void markAllReadAction({}))}>
      {pending ? t("marking") : t("markAllRead")}
    </Button>
  );
}
