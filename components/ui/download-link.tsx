"use client";
// A link to a stored file that says why when the server refuses it. A plain `<a download>` leaves
// a refused file (altered after it was stored, no longer allowed, gone) as a failed download in
// the browser's bar, without the reason; here a click fetches the file, hands it to the browser as
// a download when it comes, and otherwise shows the server's own sentence (in the reader's
// language) next to the link. Without JavaScript, or with a modifier key, it is the plain link.
import { useState, type MouseEvent, type ReactNode } from "react";
import { dispositionFileName } from "@/lib/content-disposition";

export function DownloadLink({ href, className, children }: { href: string; className?: string; children: ReactNode }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { detail?: string } | null;
        if (body?.detail) setProblem(body.detail);
        else window.location.assign(href);
        return;
      }
      const url = URL.createObjectURL(await response.blob());
      const save = document.createElement("a");
      save.href = url;
      save.download = dispositionFileName(response.headers.get("content-disposition")) ?? "";
      document.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      // The network, not the server: let the browser try the link itself.
      window.location.assign(href);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <a href={href} download className={className} aria-busy={busy || undefined} onClick={download}>
        {children}
      </a>
      {problem ? (
        <span role="alert" className="mt-1 block text-sm text-red-700">
          {problem}
        </span>
      ) : null}
    </>
  );
}
