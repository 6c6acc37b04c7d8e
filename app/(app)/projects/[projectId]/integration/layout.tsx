import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function ProjectIntegrationLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "diagramFreeze",
        "dialog",
        "integrationPage",
        "interfaceForms",
        "mermaidDiagram",
        "submitButton",
        "systemForms",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
