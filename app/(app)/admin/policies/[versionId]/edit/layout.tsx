import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function PolicyEditLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages namespaces={["dialog", "gateEditor", "policyEditor", "policyTranslation"]}>
      {children}
    </ClientMessages>
  );
}
