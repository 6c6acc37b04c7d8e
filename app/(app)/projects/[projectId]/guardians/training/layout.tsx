import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function TrainingLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "cancelTrainingSession",
        "dialog",
        "submitButton",
        "trainingAttendance",
        "trainingModuleForms",
        "trainingSessionForm",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
