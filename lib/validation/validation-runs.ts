// The fields of the validation-run commands; lib/contract/validation-runs.ts assembles them into
// each operation's input, which the API and the validation page's forms both validate with.
import { z } from "zod";
import { VALIDATION_ENVIRONMENTS } from "@/db/enums";
import { optionalText, requiredText } from "./common";

export const runEnvironment = z.enum(VALIDATION_ENVIRONMENTS, "Choose homologation or production.");
export const scenarioTitle = requiredText("Scenario", 300);
export const moveDirection = z.enum(["up", "down"], "Choose up or down.");
export const scenarioResult = z.enum(["pass", "fail"], "Choose pass or fail.");
/** A scenario's notes or a run's closing note. */
export const runNote = optionalText(4000);
