// API v1: integration registry, concept diagram, interface exports and migration waves.
import { jsonBody, jsonResponse, problem, projectIdParam, standardErrors, writeErrors, type Paths } from "./shared";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const list = (name: string) => ({
  type: "object",
  required: ["items"],
  properties: { items: { type: "array", items: ref(name) } },
});
const idParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } });

export const integrationSchemas = {
  ExternalSystem: {
    type: "object",
    required: ["id", "name", "kind", "version"],
    properties: {
      id: { type: "string", format: "uuid" },
      name: { type: "string" },
      kind: { enum: ["crm", "erp", "portal", "mobile", "payment", "meter_data", "mediation", "other"] },
      description: { type: "string" },
      version: { type: "integer" },
    },
  },
  ExternalSystemInput: {
    type: "object",
    required: ["name", "kind"],
    properties: {
      name: { type: "string", maxLength: 120 },
      kind: { enum: ["crm", "erp", "portal", "mobile", "payment", "meter_data", "mediation", "other"] },
      description: { type: "string" },
    },
  },
  Interface: {
    type: "object",
    required: ["id", "systemId", "name", "direction", "protocol", "frequency", "status", "version"],
    properties: {
      id: { type: "string", format: "uuid" },
      systemId: { type: "string", format: "uuid" },
      name: { type: "string" },
      direction: { enum: ["inbound", "outbound", "bidirectional"] },
      protocol: { enum: ["rest", "kafka", "sftp", "file", "soap", "other"] },
      frequency: { type: "string" },
      owner: { type: "string" },
      status: { enum: ["designed", "developed", "tested", "live"] },
      module: { type: ["string", "null"] },
      description: { type: "string" },
      version: { type: "integer" },
    },
  },
  InterfaceInput: {
    type: "object",
    required: ["systemId", "name", "direction", "protocol", "frequency"],
    properties: {
      systemId: { type: "string", format: "uuid" },
      name: { type: "string", maxLength: 120 },
      direction: { enum: ["inbound", "outbound", "bidirectional"] },
      protocol: { enum: ["rest", "kafka", "sftp", "file", "soap", "other"] },
      frequency: { type: "string", maxLength: 80 },
      owner: { type: "string" },
      module: { type: "string" },
      description: { type: "string" },
    },
  },
  MigrationRun: {
    type: "object",
    properties: {
      id: { type: "string", format: "uuid" },
      kind: { enum: ["rehearsal", "production"] },
      ranOn: { type: "string", format: "date" },
      extracted: { type: "integer" },
      loaded: { type: "integer" },
      rejected: { type: "integer" },
      reconciliation: { enum: ["passed", "failed"] },
      reconciliationReasons: { type: "array", items: { type: "string" } },
      notes: { type: "string" },
      recordedBy: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
    },
  },
  MigrationWave: {
    type: "object",
    required: ["id", "name", "segment", "sourceSystem", "plannedDate", "status", "version"],
    properties: {
      id: { type: "string", format: "uuid" },
      name: { type: "string" },
      segment: { type: "string" },
      sourceSystem: { type: "string" },
      module: { type: ["string", "null"] },
      plannedDate: { type: "string", format: "date" },
      status: { enum: ["planned", "rehearsing", "ready", "migrating", "completed", "failed"] },
      version: { type: "integer" },
      runs: { type: "array", items: ref("MigrationRun") },
    },
  },
  MigrationWaveInput: {
    type: "object",
    required: ["name", "segment", "sourceSystem", "plannedDate"],
    properties: {
      name: { type: "string" },
      segment: { type: "string" },
      sourceSystem: { type: "string" },
      module: { type: "string" },
      plannedDate: { type: "string", format: "date" },
    },
  },
  MigrationRunInput: {
    type: "object",
    required: ["kind", "ranOn", "extracted", "loaded", "rejected"],
    description:
      "loaded + rejected must not exceed extracted. The reconciliation is computed: every extracted record loaded or rejected, rejections within tolerance (2% rehearsal, 0.5% production).",
    properties: {
      kind: { enum: ["rehearsal", "production"] },
      ranOn: { type: "string", format: "date" },
      extracted: { type: "integer", minimum: 0 },
      loaded: { type: "integer", minimum: 0 },
      rejected: { type: "integer", minimum: 0 },
      notes: { type: "string" },
      expectedVersion: {
        type: "integer",
        description: "The wave version the caller saw; a stale one is refused with 409.",
      },
    },
  },
};

export const integrationPaths: Paths = {
  "/api/v1/projects/{id}/systems": {
    get: {
      summary: "External systems of the project's integration registry",
      parameters: [projectIdParam],
      responses: { "200": jsonResponse("The systems", list("ExternalSystem")), ...standardErrors },
    },
    post: {
      summary: "Register an external system (PM, the project's integrators)",
      parameters: [projectIdParam],
      requestBody: jsonBody(ref("ExternalSystemInput")),
      responses: { "201": jsonResponse("Created", ref("ExternalSystem")), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/interfaces": {
    get: {
      summary: "Interfaces of the project's integration registry",
      parameters: [projectIdParam],
      responses: { "200": jsonResponse("The interfaces", list("Interface")), ...standardErrors },
    },
    post: {
      summary: "Register an interface (starts as designed)",
      parameters: [projectIdParam],
      requestBody: jsonBody(ref("InterfaceInput")),
      responses: { "201": jsonResponse("Created", ref("Interface")), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/interfaces/{interfaceId}/status": {
    post: {
      summary: "Move an interface forward one step (designed → developed → tested → live) or back with a reason",
      parameters: [projectIdParam, idParam("interfaceId")],
      requestBody: jsonBody({
        type: "object",
        required: ["to"],
        properties: {
          to: { enum: ["designed", "developed", "tested", "live"] },
          reason: { type: "string", description: "Required when moving back." },
          expectedVersion: { type: "integer" },
        },
      }),
      responses: { "200": jsonResponse("The interface", ref("Interface")), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/interfaces/export": {
    get: {
      summary: "Interface descriptions as a markdown or CSV download",
      parameters: [
        projectIdParam,
        { name: "format", in: "query", schema: { enum: ["markdown", "csv"], default: "markdown" } },
      ],
      responses: {
        "200": {
          description: "The file, with Content-Disposition: attachment",
          content: { "text/markdown": { schema: { type: "string" } }, "text/csv": { schema: { type: "string" } } },
        },
        "422": problem("Unknown format"),
        ...standardErrors,
      },
    },
  },
  "/api/v1/projects/{id}/integration-diagram": {
    get: {
      summary: "The integration concept diagram as mermaid source, generated from the registry",
      parameters: [projectIdParam],
      responses: {
        "200": jsonResponse("The diagram", {
          type: "object",
          required: ["mermaid"],
          properties: { mermaid: { type: "string" }, systems: { type: "integer" }, interfaces: { type: "integer" } },
        }),
        ...standardErrors,
      },
    },
  },
  "/api/v1/projects/{id}/integration-diagram/freeze": {
    post: {
      summary: "Freeze the current diagram as a new version of the gate-6 'Integration concept diagram' artifact",
      parameters: [projectIdParam],
      responses: {
        "201": jsonResponse("The new artifact version", {
          type: "object",
          properties: {
            artifactId: { type: "string" },
            gateNumber: { type: "integer" },
            versionNumber: { type: "integer" },
            versionId: { type: "string" },
          },
        }),
        ...writeErrors,
      },
    },
  },
  "/api/v1/projects/{id}/migration-waves": {
    get: {
      summary: "Migration waves with their rehearsal and production runs",
      parameters: [projectIdParam],
      responses: { "200": jsonResponse("The waves", list("MigrationWave")), ...standardErrors },
    },
    post: {
      summary: "Plan a migration wave (PM, the project's integrators)",
      parameters: [projectIdParam],
      requestBody: jsonBody(ref("MigrationWaveInput")),
      responses: { "201": jsonResponse("Created", ref("MigrationWave")), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/migration-waves/{waveId}/runs": {
    get: {
      summary: "Runs of a wave",
      parameters: [projectIdParam, idParam("waveId")],
      responses: { "200": jsonResponse("The runs", list("MigrationRun")), ...standardErrors },
    },
    post: {
      summary: "Record a rehearsal or production run; the wave's status follows (409 when the workflow refuses)",
      parameters: [projectIdParam, idParam("waveId")],
      requestBody: jsonBody(ref("MigrationRunInput")),
      responses: {
        "201": jsonResponse("Recorded", {
          allOf: [ref("MigrationRun"), { type: "object", properties: { waveStatus: { type: "string" } } }],
        }),
        ...writeErrors,
      },
    },
  },
};
