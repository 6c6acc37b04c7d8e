import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function ProjectGuardiansLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={["dialog", "moveGuardian", "nominateGuardian", "siteForm", "submitButton", "withdrawGuardian"]}
    >
      {children}
    </ClientMessages>
  );
}
