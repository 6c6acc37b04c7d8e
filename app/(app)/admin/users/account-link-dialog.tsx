"use client";

// Shows a freshly issued invitation or reset link once, with a copy button. The link is built
// from the address the administrator is using, so it points at the same Lightgate.
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useFormat } from "@/lib/i18n/use-format";

export type IssuedLink = {
  email: string;
  purpose: "invite" | "reset";
  token: string;
  expiresAt: string;
  /** The invitation also went by email (SMTP is configured). */
  emailed?: boolean;
};

export function AccountLinkDialog({ link, onClose }: { link: IssuedLink | null; onClose: () => void }) {
  const t = useTranslations("adminUsers");
  const mail = useTranslations("emailInvitation");
  const format = useFormat();
  const strong = (chunks: React.ReactNode) => <strong className="font-medium text-slate-900">{chunks}</strong>;
  return (
    <Dialog
      open={link !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={link?.purpose === "reset" ? t("resetLinkTitle") : t("invitationLinkTitle")}
      description={
        link
          ? link.purpose === "reset"
            ? t.rich("resetLinkBody", { email: link.email, date: format.date(link.expiresAt), strong })
            : t.rich("invitationLinkBody", { email: link.email, date: format.date(link.expiresAt), strong })
          : undefined
      }
    >
      {link?.emailed ? (
        <p
          role="status"
          className="mb-3 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900"
        >
          {mail("emailed")}
        </p>
      ) : null}
      {link ? <CopyableLink url={`${window.location.origin}/invitation/${link.token}`} onDone={onClose} /> : null}
    </Dialog>
  );
}

function CopyableLink({ url, onDone }: { url: string; onDone: () => void }) {
  const t = useTranslations("adminUsers");
  const input = useRef<HTMLTextAreaElement>(null);
  const [note, setNote] = useState<string | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setNote(t("copied"));
    } catch {
      // The clipboard API exists only on HTTPS and localhost: let the person copy by hand.
      input.current?.select();
      setNote(t("copyByHand"));
    }
  }
  return (
    <div className="space-y-3">
      <label className="block text-sm font-medium text-slate-800" htmlFor="issued-account-link">
        {t("oneTimeLink")}
      </label>
      {/* A wrapping text area shows the whole link, so it can be checked before it is handed over. */}
      <textarea
        ref={input}
        id="issued-account-link"
        readOnly
        rows={3}
        value={url}
        onFocus={(e) => e.currentTarget.select()}
        className={
          "block w-full resize-none break-all rounded-md border border-slate-300 bg-slate-50 px-3 py-2 " +
          "font-mono text-xs text-slate-900"
        }
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={copy}>{t("copyLink")}</Button>
        <Button variant="secondary" onClick={onDone}>
          {t("done")}
        </Button>
        <span role="status" className="text-sm text-green-800">
          {note}
        </span>
      </div>
    </div>
  );
}
