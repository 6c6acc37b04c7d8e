"use client";

// The quality selection form shows only to those who may choose a delivery's quality level: its
// code (the questions, the live recommendation's rules) loads when it shows, so everyone else
// reading a sprint or a release never downloads it.
import { formOnDemand } from "@/components/ui/loading-on-demand";

export const QualitySelectionForm = formOnDemand(() =>
  import("./quality-selection-form").then((m) => m.QualitySelectionForm),
);
