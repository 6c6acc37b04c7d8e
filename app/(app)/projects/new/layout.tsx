import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function NewProjectLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={["keyPeople", "projectForm", "projectRoles", "submitButton"]}>
      {children}
    </ClientMessages>
  );
}
