// A server component: only the Disclosure that opens it is client code; the panel (address,
// links, language switch, sign-out form) arrives rendered, so it adds nothing to every page's
// first-load JavaScript.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { signOutAction } from "@/components/shell/sign-out-action";
import { Disclosure } from "@/components/ui/disclosure";

const initials = (name: string) =>
  name
    .split(" ")
    .map((p) => p[0])
    .slice(0, 2)
    .join("");

export function AccountMenu({
  name,
  email,
  role,
  chooseLocale,
}: {
  name: string;
  email: string;
  role: string;
  /** The language switch's server action (it saves the account's language too). */
  chooseLocale: (formData: FormData) => Promise<void>;
}) {
  const t = useTranslations("account");
  return (
    <Disclosure
      align="end"
      buttonClassName="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-100"
      panelClassName="min-w-56"
      button={
        <>
          {/* Who is signed in, in no language: what tests (e2e/fixtures.ts) read whatever the page's language. */}
          <span
            aria-hidden
            data-account-name={name}
            className={
              "flex h-7 w-7 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold " +
              "text-brand-800"
            }
          >
            {initials(name)}
          </span>
          {/* The name is the button's name, so what a sighted user reads is what a voice user says (WCAG 2.5.3). */}
          <span className="sr-only">{t("buttonPrefix")}</span>
          <span className="sr-only sm:not-sr-only sm:max-w-40 sm:truncate">{name}</span>
        </>
      }
    >
      <div className="px-3 py-2 text-xs text-slate-600">
        <div className="font-medium text-slate-900">{email}</div>
        <div>{role === "client" ? t("client") : role === "admin" ? t("admin") : t("staff")}</div>
      </div>
      <div className="my-1 h-px bg-slate-200" />
      <Link href="/settings" className="block rounded px-3 py-1.5 text-sm hover:bg-slate-100">
        {t("settings")}
      </Link>
      <LanguageSwitch chooseLocale={chooseLocale} />
      <div className="my-1 h-px bg-slate-200" />
      <form action={signOutAction}>
        <button type="submit" className="block w-full rounded px-3 py-1.5 text-left text-sm hover:bg-slate-100">
          {t("signOut")}
        </button>
      </form>
    </Disclosure>
  );
}
