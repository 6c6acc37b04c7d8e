import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "dialog",
        "forgotPassword",
        "newPasswordFields",
        "passwordForm",
        "signInForm",
        "submitButton",
        "twoFactor",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
