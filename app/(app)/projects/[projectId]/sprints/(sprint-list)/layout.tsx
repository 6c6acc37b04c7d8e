import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function ProjectSprintsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["dialog", "sprintForms", "submitButton"]}>{children}</ClientMessages>;
}
