import Link from "next/link";
import { getTranslations } from "next-intl/server";

// Inside the signed-in layout, which already holds the page's one <main> landmark (the root
// not-found, for addresses outside it, brings its own).
export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <div className="mx-auto max-w-lg px-4 py-16 text-center">
      <title>{t("title")}</title>
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("heading")}</h1>
      <p className="mt-2 text-slate-600">{t("body")}</p>
      <Link href="/dashboard" className="mt-6 inline-block text-brand-700 underline">
        {t("backToDashboard")}
      </Link>
    </div>
  );
}
