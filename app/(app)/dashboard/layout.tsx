import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["healthBadge", "portfolioFilters", "statusBadge"]}>{children}</ClientMessages>;
}
