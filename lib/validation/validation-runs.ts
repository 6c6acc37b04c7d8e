import { z } from "zod";
import { expectedVersion, optionalText, requiredText, uuid } from "./common";

export const openRunSchema = z.object({
  projectId: uuid,
  environment: z.enum(["homologation", "production"], "Choose homologation or production."),
});

const runRef = { projectId: uuid, runId: uuid, expectedVersion };

export const addScenarioSchema = z.object({ ...runRef, title: requiredText("Scenario", 300) });

export const removeScenarioSchema = z.object({ ...runRef, scenarioId: uuid });

export const moveScenarioSchema = z.object({
  ...runRef,
  scenarioId: uuid,
  direction: z.enum(["up", "down"], "Choose up or down."),
});

export const recordResultSchema = z.object({
  ...runRef,
  scenarioId: uuid,
  result: z.enum(["pass", "fail"], "Choose pass or fail."),
  notes: optionalText(4000),
});

export const closeRunSchema = z.object({ ...runRef, note: optionalText(4000) });
