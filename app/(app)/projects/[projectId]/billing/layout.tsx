import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function ProjectBillingLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["billingForms", "dialog", "submitButton"]}>{children}</ClientMessages>;
}
