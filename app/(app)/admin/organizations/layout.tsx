import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function AdminOrganizationsLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={["adminOrganizations", "singleSignOnAdmin", "submitButton"]}>{children}</ClientMessages>
  );
}
