import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function ProjectScheduleLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["mermaidDiagram"]}>{children}</ClientMessages>;
}
