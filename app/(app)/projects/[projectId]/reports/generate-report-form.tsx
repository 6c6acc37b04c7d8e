"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import type { FormState } from "@/lib/guard";
import { generateReportAction } from "./actions";

type Made = { id: string; weekOf: string; generatedAt: string };

export function GenerateReportForm({ projectId }: { projectId: string }) {
  const t = useTranslations("generateReport");
  const [state, formAction] = useActionState(generateReportAction, initialFormState as FormState<Made>);
  return (
    <form action={formAction} className="flex flex-col items-end gap-2">
      <input type="hidden" name="projectId" value={projectId} />
      <SubmitButton pendingLabel={t("generating")}>{t("generate")}</SubmitButton>
      <div aria-live="polite" className="max-w-md">
        <FormMessage state={state} />
        {state.ok && state.data ? (
          <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
            {t("generated")}{" "}
            <Link href={`/projects/${projectId}/reports/${state.data.id}`} className="font-medium underline">
              {t("open")}
            </Link>
          </p>
        ) : null}
      </div>
    </form>
  );
}
