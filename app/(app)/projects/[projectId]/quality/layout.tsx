import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function ProjectQualityLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={["dialog", "healthBadge", "qualityEvidence", "qualitySelection", "statusBadge", "submitButton"]}
    >
      {children}
    </ClientMessages>
  );
}
