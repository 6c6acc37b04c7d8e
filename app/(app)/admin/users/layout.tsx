import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function AdminUsersLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "adminUsers",
        "dialog",
        "emailInvitation",
        "healthBadge",
        "sessionsAdmin",
        "singleSignOnAdmin",
        "statusBadge",
        "submitButton",
        "twoFactor",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
