import { getTranslations } from "next-intl/server";

// A plain link, not next/link: this boundary's client code is part of every route's first load,
// and next/link would add 3 kB (gzip) to pages that need no client navigation here.
export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="mx-auto max-w-lg px-4 py-20 text-center">
      <title>{t("title")}</title>
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">{t("heading")}</h1>
      <p className="mt-2 text-slate-600">{t("body")}</p>
      {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
      <a href="/" className="mt-6 inline-block text-brand-700 underline">
        {t("backHome")}
      </a>
    </main>
  );
}
