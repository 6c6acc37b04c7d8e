"use client";

import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { markAllReadAction } from "./actions";

export function MarkAllRead() {
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="secondary" disabled={pending} onClick={() => startTransition(() => void markAllReadAction({}))}>
      {pending ? "Marking…" : "Mark all as read"}
    </Button>
  );
}
