import { describe, expect, it } from "vitest";
import { firstValues, portfolioQuerySchema } from "./dashboard";
import { reportFileName } from "./status-reports";

describe("portfolioQuerySchema", () => {
  it.each([
    [{}, { sort: "name", dir: "asc", page: 1, pageSize: 25 }],
    [
      { sort: "health", dir: "desc", page: "3", pageSize: "50" },
      { sort: "health", dir: "desc", page: 3, pageSize: 50 },
    ],
    // Hand-edited URLs fall back to defaults instead of breaking the page.
    [
      { sort: "drop table", dir: "sideways", page: "-1", pageSize: "100000" },
      { sort: "name", dir: "asc", page: 1, pageSize: 25 },
    ],
    [
      { status: "", health: "purple", client: "not-a-uuid" },
      { sort: "name", dir: "asc", page: 1, pageSize: 25 },
    ],
    [
      { status: "on_hold", health: "red" },
      { status: "on_hold", health: "red", sort: "name", dir: "asc", page: 1, pageSize: 25 },
    ],
  ])("%j", (input, expected) => {
    const parsed = portfolioQuerySchema.parse(input);
    expect(Object.fromEntries(Object.entries(parsed).filter(([, v]) => v !== undefined))).toEqual(expected);
  });

  it("takes the first of repeated params", () => {
    expect(firstValues({ sort: ["goLive", "name"], page: "2", x: undefined })).toEqual({ sort: "goLive", page: "2" });
  });
});

describe("reportFileName", () => {
  it.each([
    ["Nordlicht residential billing MVP", "2026-W47", "status-report-nordlicht-residential-billing-mvp-2026-W47.md"],
    ['Evil"; filename=x.html', "2026-W01", "status-report-evil-filenamexhtml-2026-W01.md"],
    ["Zürich Netz", "2026-W02", "status-report-zurich-netz-2026-W02.md"],
    ["!!!", "2026-W03", "status-report-project-2026-W03.md"],
  ])("%s", (name, week, expected) => expect(reportFileName(name, week)).toBe(expected));
});
