import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function ProjectEscalationsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["escalationForms", "submitButton"]}>{children}</ClientMessages>;
}
