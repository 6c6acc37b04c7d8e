"use client";

// Plain links inside markup written as text (lib/html.ts) navigate as next/link does: a plain
// left click on a link to a page of the app moves there without reloading the page. Any other
// click (a modifier key, the middle button, a link to elsewhere or to a new tab) is the browser's.
import { useRouter } from "next/navigation";
import type { MouseEvent, ReactNode } from "react";

export function ClientLinks({ children, className }: { children: ReactNode; className?: string }) {
  const router = useRouter();
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest("a");
    if (!link || !event.currentTarget.contains(link)) return;
    if (link.target && link.target !== "_self") return;
    if (link.hasAttribute("download")) return;
    const url = new URL(link.href, window.location.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    router.push(`${url.pathname}${url.search}${url.hash}`);
  };
  return (
    // The links inside are the interactive elements (a key press on one clicks it); this only
    // listens for their clicks.
    <div className={className} onClick={onClick}>
      {children}
    </div>
  );
}
