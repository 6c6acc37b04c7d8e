// TRANSITION ONLY (issue 13): the hand-written paths of the resources not yet declared as
// operations, so the served document stays whole while they move. Deleted with lib/openapi/.
import { openApiDocument as handWritten } from "@/lib/openapi/document";

type Doc = { paths?: Record<string, unknown>; components?: { schemas?: Record<string, unknown> } };

export function withLegacyPaths<D extends Doc>(doc: D): D {
  const legacy = handWritten() as unknown as Doc;
  const paths = { ...doc.paths };
  for (const [path, item] of Object.entries(legacy.paths ?? {})) {
    const key = path.replace("{id}", "{projectId}");
    const methods = Object.entries(item as Record<string, unknown>).filter(
      ([method]) => !(paths[key] as Record<string, unknown> | undefined)?.[method],
    );
    // The hand-written paths called the project `{id}`; the declared ones call it `{projectId}`.
    const renamed = JSON.parse(
      JSON.stringify(Object.fromEntries(methods)).replaceAll('"name":"id"', '"name":"projectId"'),
    );
    if (methods.length) paths[key] = { ...(paths[key] as object), ...renamed };
  }
  return {
    ...doc,
    paths,
    components: { ...doc.components, schemas: { ...legacy.components?.schemas, ...doc.components?.schemas } },
  };
}
