import { useTranslations } from "next-intl";

export default function Loading() {
  const t = useTranslations("dashboardPage");
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-8 w-56 rounded bg-slate-200" />
      <div className="h-10 w-full max-w-xl rounded bg-slate-200" />
      <div className="h-80 rounded bg-slate-200" />
    </div>
  );
}
