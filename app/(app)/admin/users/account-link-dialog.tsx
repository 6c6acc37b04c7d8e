"use client";

// Shows a freshly issued invitation or reset link once, with a copy button. The link is built
// from the address the administrator is using, so it points at the same Lightgate.
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formatDate } from "@/lib/display-format";

export type IssuedLink = { email: string; purpose: "invite" | "reset"; token: string; expiresAt: string };

export function AccountLinkDialog({ link, onClose }: { link: IssuedLink | null; onClose: () => void }) {
  return (
    <Dialog
      open={link !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title={link?.purpose === "reset" ? "Password reset link" : "Invitation link"}
      description={
        link ? (
          <>
            For <strong className="font-medium text-slate-900">{link.email}</strong>. It is shown only now: copy it and
            hand it to this person yourself. It works once, until {formatDate(link.expiresAt)}
            {link.purpose === "reset" ? "; their current password keeps working until they use it." : "."}
          </>
        ) : undefined
      }
    >
      {link ? <CopyableLink url={`${window.location.origin}/invitation/${link.token}`} onDone={onClose} /> : null}
    </Dialog>
  );
}

function CopyableLink({ url, onDone }: { url: string; onDone: () => void }) {
  const input = useRef<HTMLTextAreaElement>(null);
  const [note, setNote] = useState<string | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setNote("Copied to the clipboard.");
    } catch {
      // The clipboard API exists only on HTTPS and localhost: let the person copy by hand.
      input.current?.select();
      setNote("Select the link and copy it (Ctrl+C or ⌘C).");
    }
  }
  return (
    <div className="space-y-3">
      <label className="block text-sm font-medium text-slate-800" htmlFor="issued-account-link">
        One-time link
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
        <Button onClick={copy}>Copy link</Button>
        <Button variant="secondary" onClick={onDone}>
          Done
        </Button>
        <span role="status" className="text-sm text-green-800">
          {note}
        </span>
      </div>
    </div>
  );
}
