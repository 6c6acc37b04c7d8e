import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function ProjectValidationLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["dialog", "submitButton", "validationForms"]}>{children}</ClientMessages>;
}
