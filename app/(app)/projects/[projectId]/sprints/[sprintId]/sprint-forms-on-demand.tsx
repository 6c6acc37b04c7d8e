"use client";

// The sprint page's forms each show in some states of the sprint, to some people: planning while
// it is open, deployments while it is delivered, the client owner's acceptance while in review.
// Their code loads when they show, so a page never downloads a form it does not show.
import { formOnDemand } from "@/components/ui/loading-on-demand";

export const SprintPlanForm = formOnDemand(() => import("../sprint-forms").then((m) => m.SprintPlanForm));
export const DeploymentForm = formOnDemand(() => import("../sprint-forms").then((m) => m.DeploymentForm));
export const AcceptanceForm = formOnDemand(() => import("../sprint-forms").then((m) => m.AcceptanceForm));
