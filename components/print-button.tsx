"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog (the page's print stylesheet hides navigation). */
export function PrintButton({ label }: { label?: string }) {
  const t = useTranslations("printButton");
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      {label ?? t("print")}
    </Button>
  );
}
