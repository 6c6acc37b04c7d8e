import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function ProjectReportsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["generateReport", "submitButton"]}>{children}</ClientMessages>;
}
