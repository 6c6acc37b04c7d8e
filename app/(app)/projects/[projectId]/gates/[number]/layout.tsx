import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function GateLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={["dialog", "gateArtifacts", "gateBoard", "gateControls", "gateReview", "gateVote", "submitButton"]}
    >
      {children}
    </ClientMessages>
  );
}
