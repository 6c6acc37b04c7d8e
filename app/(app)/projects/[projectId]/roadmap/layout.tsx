import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function ProjectRoadmapLayout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["dialog", "roadmapForms", "submitButton"]}>{children}</ClientMessages>;
}
