import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function AdminAuditLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["adminAudit"]}>{children}</ClientMessages>;
}
