import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function ProjectOverviewLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={["dialog", "editProject", "projectForm", "projectMembers", "projectRoles", "submitButton"]}
    >
      {children}
    </ClientMessages>
  );
}
