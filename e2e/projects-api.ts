// A project of a test's own, created through the API as whoever the request context is signed in as (a PM),
// for the demo client Nordlicht Netz AG: a unique name keeps tests that run side by side apart.
import { expect, type APIRequestContext } from "./fixtures";

export type CreatedProject = { id: string; name: string; organizationId: string };

/** A small project named "<label> <time>-<random>", started 2026-01-05, with the invoicing module. */
export async function createProject(
  request: APIRequestContext,
  label: string,
  options: { targetGoLiveDate?: string } = {},
): Promise<CreatedProject> {
  const list = await request.get("/api/v1/projects?q=Nordlicht");
  expect(list.ok()).toBe(true);
  const organizationId = (await list.json()).items[0].clientOrganization.id as string;
  const name = `${label} ${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const created = await request.post("/api/v1/projects", {
    data: {
      organizationId,
      name,
      modules: ["Invoicing"],
      startDate: "2026-01-05",
      targetGoLiveDate: options.targetGoLiveDate ?? "2026-12-15",
      sizeClass: "small",
    },
  });
  expect(created.status()).toBe(201);
  return { id: (await created.json()).id as string, name, organizationId };
}
