"use client";

// The vote and decision forms show only while the gate is in review, and only to its board: their
// code loads when they show, so a gate page in any other state, or seen by anyone else, never
// downloads it.
import { formOnDemand } from "@/components/ui/loading-on-demand";

export const VoteForm = formOnDemand(() => import("./review-panel").then((m) => m.VoteForm));
export const DecisionForm = formOnDemand(() => import("./review-panel").then((m) => m.DecisionForm));
