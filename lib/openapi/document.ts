// The OpenAPI 3.1 description of API v1, assembled from each capability's paths.
import { auditPaths, auditSchemas } from "./audit";
import { deliveryPaths, deliverySchemas } from "./delivery";
import { gatePaths, gateSchemas } from "./gates";
import { goLivePaths, goLiveSchemas } from "./go-live";
import { integrationPaths, integrationSchemas } from "./integration";
import { projectSetupPaths, projectSetupSchemas } from "./project-setup";
import { projectPaths, projectSchemas } from "./projects";
import { qualityPaths, qualitySchemas } from "./quality";
import { readinessPaths, readinessSchemas } from "./readiness";
import { reportPaths, reportSchemas } from "./reports";
import type { Paths } from "./shared";

/** Joins path items: two capabilities may describe different methods of one path. */
function mergePaths(...groups: Paths[]): Paths {
  const merged: Paths = {};
  for (const group of groups)
    for (const [path, item] of Object.entries(group)) merged[path] = { ...merged[path], ...item };
  return merged;
}

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Lightgate API",
      version: "1.0.0",
      description:
        "Rollout governance for SaaS billing implementations. Authenticate with the session cookie or `Authorization: Bearer <token>` (personal API tokens from Settings or `npm run token -- <email>`). Errors are application/problem+json with a stable `code`. An account whose password an administrator set is answered 403 `password_change_required` on every operation until its person chose their own password in the browser.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    paths: mergePaths(
      projectPaths,
      deliveryPaths,
      gatePaths,
      readinessPaths,
      goLivePaths,
      integrationPaths,
      auditPaths,
      qualityPaths,
      reportPaths,
      projectSetupPaths,
    ),
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer" },
        cookieAuth: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
      schemas: {
        Problem: {
          type: "object",
          required: ["status", "title", "detail", "code"],
          properties: {
            type: { type: "string" },
            status: { type: "integer" },
            title: { type: "string" },
            detail: { type: "string" },
            code: { type: "string" },
            errors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
            missing: { type: "array" },
          },
        },
        ...projectSchemas,
        ...deliverySchemas,
        ...gateSchemas,
        ...readinessSchemas,
        ...goLiveSchemas,
        ...integrationSchemas,
        ...auditSchemas,
        ...qualitySchemas,
        ...reportSchemas,
        ...projectSetupSchemas,
      },
    },
  };
}
