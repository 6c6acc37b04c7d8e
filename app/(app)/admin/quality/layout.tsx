import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function AdminQualityLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["adminQuality", "dialog", "submitButton"]}>{children}</ClientMessages>;
}
