import { describe, expect, it } from "vitest";
import { attachmentHeaders } from "@/lib/data/uploads";
import { dispositionFileName } from "./content-disposition";

const headerFor = (fileName: string) =>
  attachmentHeaders({ fileName, mediaType: "application/pdf", size: 1 })["content-disposition"];

describe("dispositionFileName", () => {
  it.each([
    "tariff-concept.pdf",
    "Umowa wdrożeniowa — wersja 2.pdf",
    'quotes "and" back\\slashes.pdf',
    "semi;colon.pdf",
    "100% ready.pdf",
  ])("gives back %s from the header the server writes", (name) => {
    expect(dispositionFileName(headerFor(name))).toBe(name);
  });

  it.each([
    ['attachment; filename="plain.txt"', "plain.txt"],
    ["attachment; filename=bare.txt", "bare.txt"],
    ["attachment; filename*=UTF-8''%E2%82%AC%20rates.csv", "€ rates.csv"],
    ["attachment; filename*=UTF-8''%E2%82; filename=\"fallback.csv\"", "fallback.csv"],
    ["attachment", null],
    [null, null],
  ])("%s → %s", (header, name) => {
    expect(dispositionFileName(header)).toBe(name);
  });
});
