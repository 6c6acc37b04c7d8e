import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function ReportLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["printButton"]}>{children}</ClientMessages>;
}
