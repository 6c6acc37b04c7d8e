// An administrator's first steps, each with its link and a tick when done (hidden once all are).
import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { SetupStep } from "@/lib/domain/admin-setup";

export function AdminSetupCard({ steps }: { steps: SetupStep[] }) {
  const done = steps.filter((s) => s.done).length;
  return (
    <Card title={`Set up Lightgate: ${done} of ${steps.length} done`}>
      <ol className="space-y-3" aria-label="Setup steps">
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
                  {step.label}
                </Link>
                <span className="sr-only">{step.done ? " — done" : " — to do"}</span>
              </p>
              <p className="text-sm text-slate-600">{step.detail}</p>
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
