"use client";

// The artifact checklist's two buttons and their dialogs. The forms inside load on demand
// (artifact-forms.tsx), fetched as soon as a button is hovered or focused so a click rarely waits.
import { lazy, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { LoadingOnDemand } from "@/components/ui/loading-on-demand";

const loadForms = () => import("./artifact-forms");
const AddVersionForm = lazy(() => loadForms().then((m) => ({ default: m.AddVersionForm })));
const ReviewForm = lazy(() => loadForms().then((m) => ({ default: m.ReviewForm })));
const prefetch = { onPointerEnter: () => void loadForms(), onFocus: () => void loadForms() };

type Target = { projectId: string; gateNumber: number; artifactId: string; artifactTitle: string };

export function AddVersionDialog({
  projectId,
  gateNumber,
  artifactId,
  artifactTitle,
  accept,
}: Target & { accept: string }) {
  const t = useTranslations("gateArtifacts");
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t("addTitle", { title: artifactTitle })}
      description={t("addDescription")}
      trigger={
        <Button variant="secondary" size="sm" {...prefetch}>
          {t("addVersion")}
          <span className="sr-only"> {t("ofTitle", { title: artifactTitle })}</span>
        </Button>
      }
    >
      <LoadingOnDemand>
        <AddVersionForm
          projectId={projectId}
          gateNumber={gateNumber}
          artifactId={artifactId}
          accept={accept}
          onDone={() => setOpen(false)}
        />
      </LoadingOnDemand>
    </Dialog>
  );
}

/** `description` names the version under review; `children` is that version, rendered on the server. */
export function ReviewDialog({
  projectId,
  gateNumber,
  artifactId,
  artifactTitle,
  again,
  description,
  children,
}: Target & { again: boolean; description: string; children: ReactNode }) {
  const t = useTranslations("gateArtifacts");
  const [open, setOpen] = useState(false);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t("reviewTitle", { title: artifactTitle })}
      description={description}
      trigger={
        <Button variant={again ? "secondary" : "primary"} size="sm" {...prefetch}>
          {again ? t("reviewAgain") : t("review")}
          <span className="sr-only"> {artifactTitle}</span>
        </Button>
      }
    >
      {children}
      <LoadingOnDemand>
        <ReviewForm
          projectId={projectId}
          gateNumber={gateNumber}
          artifactId={artifactId}
          onDone={() => setOpen(false)}
        />
      </LoadingOnDemand>
    </Dialog>
  );
}
