import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function ProjectMigrationLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={["dialog", "migrationPage", "migrationPlan", "submitButton", "waveForms"]}>
      {children}
    </ClientMessages>
  );
}
