// An administrator's first steps, each with its link and a tick when done (hidden once all are).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { SetupStep } from "@/lib/domain/admin-setup";

export function AdminSetupCard({ steps }: { steps: SetupStep[] }) {
  const t = useTranslations("adminSetup");
  const done = steps.filter((s) => s.done).length;
  // The steps are fixed (lib/domain/admin-setup.ts); their words are the reader's, by key.
  const words = {
    organization: { label: t("organizationLabel"), detail: t("organizationDetail") },
    people: { label: t("peopleLabel"), detail: t("peopleDetail") },
    policy: { label: t("policyLabel"), detail: t("policyDetail") },
  };
  return (
    <Card title={t("title", { done, total: steps.length })}>
      <ol className="space-y-3" aria-label={t("steps")}>
        {steps.map((step, i) => (
          <li key={step.key} className="flex items-start gap-3">
            <span
              aria-hidden
              className={
                `flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-sm ` +
                `font-bold ${step.done ? "bg-green-100 text-green-800" : "bg-slate-100 text-slate-700"}`
              }
            >
              {step.done ? "✓" : i + 1}
            </span>
            <div className="min-w-0">
              <p className="font-medium text-slate-900">
                <Link href={step.href} className="text-brand-700 underline">
                  {words[step.key].label}
                </Link>
                <span className="sr-only">{step.done ? t("stepDone") : t("stepToDo")}</span>
              </p>
              <p className="text-sm text-slate-600">{words[step.key].detail}</p>
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
