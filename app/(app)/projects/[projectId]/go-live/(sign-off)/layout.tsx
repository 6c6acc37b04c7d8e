import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function ProjectGoLiveLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["dialog", "goLiveForms", "submitButton"]}>{children}</ClientMessages>;
}
