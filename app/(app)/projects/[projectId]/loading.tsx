import { useTranslations } from "next-intl";

export default function Loading() {
  const t = useTranslations("projectOverview");
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-3">
      <span className="sr-only">{t("loading")}</span>
      <div className="h-8 w-48 rounded bg-slate-200" />
      <div className="h-64 rounded bg-slate-200" />
    </div>
  );
}
