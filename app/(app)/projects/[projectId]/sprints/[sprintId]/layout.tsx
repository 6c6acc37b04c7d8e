import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function SprintLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "dialog",
        "healthBadge",
        "qualityEvidence",
        "qualitySelection",
        "sprintForms",
        "statusBadge",
        "submitButton",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
