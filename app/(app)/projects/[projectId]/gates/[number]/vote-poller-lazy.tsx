"use client";

// The poller, fetched once the page is interactive: it draws nothing, so nothing waits for it.
import dynamic from "next/dynamic";

export const VotePollerLazy = dynamic(() => import("./vote-poller"), { ssr: false });
