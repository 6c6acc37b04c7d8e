"use client";

// "The browser's time zone" for an account that chose none: the server cannot know it, so this
// writes the browser's zone to the cookie i18n/request.ts reads and renders the page once more.
// An account that chose a zone gets that one (it may have been chosen on another browser). Once
// per zone and tab: a zone the server does not accept must not make the page refresh forever.
import { useTimeZone } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { LOCALE_COOKIE_MAX_AGE, TIME_ZONE_COOKIE } from "@/lib/i18n/locale";

export function BrowserTimeZone({ accountZone }: { accountZone: string | null }) {
  const current = useTimeZone() ?? "UTC";
  const router = useRouter();
  useEffect(() => {
    const wanted = accountZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!wanted || wanted === current || !/^[A-Za-z0-9/_+-]{1,64}$/.test(wanted)) return;
    const once = `${TIME_ZONE_COOKIE}:${wanted}`;
    if (sessionStorage.getItem(once)) return;
    sessionStorage.setItem(once, "1");
    const secure = window.location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${TIME_ZONE_COOKIE}=${wanted}; path=/; max-age=${LOCALE_COOKIE_MAX_AGE}; samesite=lax${secure}`;
    router.refresh();
  }, [accountZone, current, router]);
  return null;
}
