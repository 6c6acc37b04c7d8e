"use client";

// Scheduling a session and adding a module show only to those who manage the project's training:
// their code loads when they show, so guardians and trainers reading the page never download it.
import { formOnDemand } from "@/components/ui/loading-on-demand";

export const SessionForm = formOnDemand(() => import("./session-form").then((m) => m.SessionForm));
export const CreateModuleForm = formOnDemand(() => import("./module-forms").then((m) => m.CreateModuleForm));
