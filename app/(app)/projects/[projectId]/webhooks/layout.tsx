import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function ProjectWebhooksLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["dialog", "webhooks"]}>{children}</ClientMessages>;
}
