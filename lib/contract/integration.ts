// The contract of the integration registry: external systems, their interfaces and the interface
// workflow, the exports, and the concept diagram drawn from the registry (DESIGN.md §2).
import { z } from "zod";
import { INTERFACE_DIRECTIONS, INTERFACE_STATUSES, PROTOCOLS, SYSTEM_KINDS } from "@/db/enums";
import { exportFormat, interfaceFields, interfaceStatusFields, systemFields } from "@/lib/validation/integration";
import { actionInput, operation } from "./operation";
import { id, pageOf, pageQuery, projectPath, version } from "./shared";

export const ExternalSystem = z
  .object({ id: z.uuid(), name: z.string(), kind: z.enum(SYSTEM_KINDS), description: z.string(), version })
  .meta({ id: "ExternalSystem" });

export const Interface = z
  .object({
    id: z.uuid(),
    systemId: z.uuid(),
    name: z.string(),
    direction: z.enum(INTERFACE_DIRECTIONS),
    protocol: z.enum(PROTOCOLS),
    frequency: z.string(),
    owner: z.string(),
    status: z.enum(INTERFACE_STATUSES),
    module: z.string().nullable(),
    description: z.string(),
    version,
  })
  .meta({ id: "Interface" });

const tag = "Integration";
const project = "/api/v1/projects/{projectId}";

export const listSystemsOp = operation({
  id: "listSystems",
  method: "get",
  path: `${project}/systems`,
  tag,
  summary: "External systems of the project's integration registry, by name",
  params: projectPath,
  query: pageQuery(50),
  success: { status: 200, description: "A page of systems", schema: pageOf(ExternalSystem) },
  errors: [403, 422],
});

export const createSystemOp = operation({
  id: "createSystem",
  method: "post",
  path: `${project}/systems`,
  tag,
  summary: "Register an external system (PM, the project's integrators)",
  params: projectPath,
  body: z.object(systemFields).meta({ id: "ExternalSystemInput" }),
  success: { status: 201, description: "Created", schema: ExternalSystem },
  errors: [403, 409, 422],
});

export const listInterfacesOp = operation({
  id: "listInterfaces",
  method: "get",
  path: `${project}/interfaces`,
  tag,
  summary: "Interfaces of the project's integration registry, by name",
  params: projectPath,
  query: pageQuery(50),
  success: { status: 200, description: "A page of interfaces", schema: pageOf(Interface) },
  errors: [403, 422],
});

export const createInterfaceOp = operation({
  id: "createInterface",
  method: "post",
  path: `${project}/interfaces`,
  tag,
  summary: "Register an interface (starts as designed)",
  params: projectPath,
  body: z.object(interfaceFields).meta({ id: "InterfaceInput" }),
  success: { status: 201, description: "Created", schema: Interface },
  errors: [403, 409, 422],
});

export const changeInterfaceStatusOp = operation({
  id: "changeInterfaceStatus",
  method: "post",
  path: `${project}/interfaces/{interfaceId}/status`,
  tag,
  summary: "Move an interface forward one step (designed → developed → tested → live) or back with a reason",
  params: projectPath.extend({ interfaceId: id("interface") }),
  body: z.object({
    ...interfaceStatusFields,
    reason: interfaceStatusFields.reason.meta({ description: "Required when moving back." }),
  }),
  success: { status: 200, description: "The interface", schema: Interface },
  errors: [403, 409, 422],
});

export const exportInterfacesOp = operation({
  id: "exportInterfaces",
  method: "get",
  path: `${project}/interfaces/export`,
  tag,
  summary: "Interface descriptions as a markdown or CSV download",
  params: projectPath,
  query: z.object({ format: exportFormat.default("markdown") }),
  success: {
    status: 200,
    description: "The file (text/markdown, or text/csv with format=csv), with Content-Disposition: attachment",
    mediaType: "text/*",
  },
  errors: [403, 422],
});

export const getIntegrationDiagramOp = operation({
  id: "getIntegrationDiagram",
  method: "get",
  path: `${project}/integration-diagram`,
  tag,
  summary: "The integration concept diagram as mermaid source, generated from the registry",
  params: projectPath,
  success: {
    status: 200,
    description: "The diagram",
    schema: z
      .object({
        mermaid: z.string().meta({ description: "Mermaid flowchart source; user text escaped" }),
        systems: z.number().int().meta({ description: "How many systems it shows" }),
        interfaces: z.number().int().meta({ description: "How many interfaces it shows" }),
      })
      .meta({ id: "IntegrationDiagram" }),
  },
  errors: [403],
});

export const freezeIntegrationDiagramOp = operation({
  id: "freezeIntegrationDiagram",
  method: "post",
  path: `${project}/integration-diagram/freeze`,
  tag,
  summary: "Freeze the current diagram as a new version of the gate-6 'Integration concept diagram' artifact",
  params: projectPath,
  success: {
    status: 201,
    description: "The new artifact version",
    schema: z.object({
      artifactId: z.uuid(),
      gateNumber: z.number().int(),
      versionNumber: z.number().int(),
      versionId: z.uuid(),
    }),
  },
  errors: [403, 409],
});

/** What the integration page's forms hand to lib/data, validated by the operations' schemas. */
export const createSystemInput = actionInput(createSystemOp);
export const createInterfaceInput = actionInput(createInterfaceOp);
export const changeInterfaceStatusInput = actionInput(changeInterfaceStatusOp);

export const integrationOperations = [
  listSystemsOp,
  createSystemOp,
  listInterfacesOp,
  createInterfaceOp,
  changeInterfaceStatusOp,
  exportInterfacesOp,
  getIntegrationDiagramOp,
  freezeIntegrationDiagramOp,
];
