"use client";

// The plan and RACI forms show only to those who may edit them: their code (the grid, the RACI
// rules) loads when they show, so everyone else never downloads it.
import { formOnDemand } from "@/components/ui/loading-on-demand";

export const PlanForm = formOnDemand(() => import("./plan-forms").then((m) => m.PlanForm));
export const RaciEditor = formOnDemand(() => import("./plan-forms").then((m) => m.RaciEditor));
