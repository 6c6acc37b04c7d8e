import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function NotificationsLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["notificationsPage"]}>{children}</ClientMessages>;
}
