import type { ReactNode } from "react";
import { ClientMessages } from "@/components/client-messages";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <ClientMessages
      namespaces={[
        "calendarPanel",
        "dialog",
        "emailKinds",
        "emailPanel",
        "newPasswordFields",
        "sessions",
        "settingsPassword",
        "settingsPreferences",
        "settingsSessions",
        "settingsTokens",
        "submitButton",
        "twoFactor",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
