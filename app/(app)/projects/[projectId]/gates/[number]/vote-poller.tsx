"use client";

// Polls the gate while it is in review; when someone else votes or decides, the page re-renders
// with the new picture. Loaded after the page is interactive (see live-votes.tsx), and only for a
// gate in review, so React Query is in no page's first load.
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Providers } from "@/components/providers";
import { queryKeys } from "@/lib/query-keys";

type Props = { projectId: string; gateNumber: number; version: number; status: string };

function Poll({ projectId, gateNumber, version, status }: Props) {
  const router = useRouter();
  const { data } = useQuery({
    queryKey: queryKeys.gate(projectId, gateNumber),
    queryFn: async () => {
      const response = await fetch(`/api/v1/projects/${projectId}/gates/${gateNumber}`, {
        headers: { accept: "application/json" },
      });
      if (!response.ok) throw new Error(`Gate could not be loaded (${response.status}).`);
      return (await response.json()) as { version: number; status: string };
    },
    refetchInterval: 10_000,
  });
  useEffect(() => {
    if (data && (data.version !== version || data.status !== status)) router.refresh();
  }, [data, version, status, router]);
  return null;
}

export default function VotePoller(props: Props) {
  return (
    <Providers>
      <Poll {...props} />
    </Providers>
  );
}
