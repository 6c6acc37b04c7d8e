// The public (API) shapes of registry rows.
import type { ExternalSystem, Interface } from "@/lib/data/integration";

export const systemView = (s: ExternalSystem) => ({
  id: s.id,
  name: s.name,
  kind: s.kind,
  description: s.description,
  version: s.version,
});

export const interfaceView = (i: Interface) => ({
  id: i.id,
  systemId: i.systemId,
  name: i.name,
  direction: i.direction,
  protocol: i.protocol,
  frequency: i.frequency,
  owner: i.owner,
  status: i.status,
  module: i.module,
  description: i.description,
  version: i.version,
});
