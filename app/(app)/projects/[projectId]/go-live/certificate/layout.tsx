import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function CertificateLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["goLiveCertificate"]}>{children}</ClientMessages>;
}
