// Input rules for artifact versions and reviews, shared by forms, server actions and API v1.
import { z } from "zod";
import { optionalText } from "@/lib/validation/common";

/** Only web links: a `javascript:` or `data:` URL must never become a clickable artifact. */
export const artifactUrl = z
  .string()
  .trim()
  .min(1, "Enter the link.")
  .max(2000, "At most 2000 characters.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "Enter a full http(s) link, e.g. https://docs.example.com/sow.pdf.");

export const artifactMarkdown = z
  .string()
  .trim()
  .min(1, "Write the text of this version.")
  .max(100_000, "At most 100,000 characters.");

/** JSON body of POST …/artifacts/{id}/versions: exactly one of url or markdown. */
export const jsonVersionSchema = z.union(
  [
    z.object({ url: artifactUrl, note: optionalText(500) }).strict(),
    z.object({ markdown: artifactMarkdown, note: optionalText(500) }).strict(),
  ],
  { error: 'Send either {"url": …} or {"markdown": …} (or a multipart `file`).' },
);

/** The add-version form: the chosen kind decides which field is required. */
export const versionFormSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("file"),
      file: z
        .instanceof(File, { error: "Choose a file." })
        .refine((f) => f.size > 0, "Choose a file (the selected one is empty)."),
      note: optionalText(500),
    }),
    z.object({ kind: z.literal("url"), url: artifactUrl, note: optionalText(500) }),
    z.object({ kind: z.literal("markdown"), markdown: artifactMarkdown, note: optionalText(500) }),
  ],
  { error: "Choose a file, a link or text." },
);

export const reviewSchema = z.object({
  decision: z.enum(["approve", "request_changes"], { error: "Choose approve or request changes." }),
  comment: optionalText(4000),
});
