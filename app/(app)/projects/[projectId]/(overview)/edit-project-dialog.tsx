"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/guard";
import type { ProjectView } from "@/lib/data/projects";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locale";
import { updateProjectAction } from "../actions";

export function EditProjectDialog({ project }: { project: ProjectView }) {
  const t = useTranslations("editProject");
  const field = useTranslations("projectForm");
  const [open, setOpen] = useState(false);
  const { state, onSubmit, pending } = useActionForm(async (previous: FormState<unknown>, formData: FormData) => {
    const next = await updateProjectAction(previous, formData);
    if (next.ok) setOpen(false);
    return next;
  });
  const e = state.fieldErrors ?? {};
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t("title")}
      trigger={
        <Button variant="secondary" size="sm">
          {t("edit")}
        </Button>
      }
    >
      <form onSubmit={onSubmit} className="grid gap-3" noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="projectId" value={project.id} />
        <input type="hidden" name="expectedVersion" value={project.version} />
        <Input label={field("name")} name="name" defaultValue={project.name} errors={e.name} required />
        <Select
          label={field("sizeClass")}
          name="sizeClass"
          defaultValue={project.sizeClass}
          errors={e.sizeClass}
          options={[
            { value: "small", label: field("sizeSmall") },
            { value: "standard", label: field("sizeStandard") },
            { value: "large", label: field("sizeLarge") },
          ]}
        />
        <Select
          label={field("language")}
          name="language"
          defaultValue={project.language}
          errors={e.language}
          hint={field("languageHint")}
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
        />
        {project.status === "active" || project.status === "on_hold" ? (
          <Select
            label={t("status")}
            name="status"
            defaultValue={project.status}
            errors={e.status}
            options={[
              { value: "active", label: t("statusActive") },
              { value: "on_hold", label: t("statusOnHold") },
            ]}
          />
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <Input
            label={field("startDate")}
            name="startDate"
            type="date"
            defaultValue={project.startDate}
            errors={e.startDate}
          />
          <Input
            label={field("targetGoLive")}
            name="targetGoLiveDate"
            type="date"
            defaultValue={project.targetGoLiveDate}
            errors={e.targetGoLiveDate}
          />
        </div>
        <Input
          label={field("modules")}
          name="modules"
          defaultValue={project.modules.join(", ")}
          errors={e.modules}
          hint={field("modulesHintShort")}
        />
        <Input
          label={field("sowReference")}
          name="sowReference"
          defaultValue={project.sowReference}
          errors={e.sowReference}
        />
        <Textarea
          label={field("description")}
          name="description"
          defaultValue={project.description}
          errors={e.description}
        />
        <Textarea
          label={t("internalNotes")}
          name="internalNotes"
          defaultValue={project.internalNotes ?? ""}
          errors={e.internalNotes}
          hint={t("internalNotesHint")}
        />
        <div className="flex justify-end">
          <SubmitButton pending={pending}>{t("save")}</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
