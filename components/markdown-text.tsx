// Markdown shown safely: a few block forms (headings, lists, code, paragraphs) rebuilt as React
// elements from plain text. No HTML from the author is ever interpreted — it stays visible text.
import type { ReactNode } from "react";

type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "code"; text: string }
  | { kind: "paragraph"; text: string };

function parse(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith("```")) {
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i].startsWith("```"); i++) code.push(lines[i]);
      blocks.push({ kind: "code", text: code.join("\n") });
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({ kind: "heading", level: heading[1].length, text: heading[2] });
      continue;
    }
    const item = /^\s*(?:[-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      const last = blocks.at(-1);
      if (last?.kind === "list") last.items.push(item[1]);
      else blocks.push({ kind: "list", items: [item[1]] });
      continue;
    }
    if (!line.trim()) continue;
    const last = blocks.at(-1);
    if (last?.kind === "paragraph" && lines[i - 1]?.trim()) last.text += `\n${line}`;
    else blocks.push({ kind: "paragraph", text: line });
  }
  return blocks;
}

/** **bold** only; everything else is literal text. */
function inline(text: string): ReactNode[] {
  return text
    .split(/(\*\*[^*]+\*\*)/g)
    .map((part, i) =>
      part.startsWith("**") && part.endsWith("**") && part.length > 4 ? (
        <strong key={i}>{part.slice(2, -2)}</strong>
      ) : (
        part
      ),
    );
}

export function MarkdownText({ markdown }: { markdown: string }) {
  return (
    <div className="space-y-2 text-sm text-slate-800">
      {parse(markdown).map((block, i) => {
        if (block.kind === "heading") {
          const size = block.level === 1 ? "text-base" : "text-sm";
          return (
            <p key={i} className={`${size} font-semibold text-slate-900`}>
              {inline(block.text)}
            </p>
          );
        }
        if (block.kind === "list") {
          return (
            <ul key={i} className="list-disc space-y-0.5 pl-5">
              {block.items.map((item, j) => (
                <li key={j}>{inline(item)}</li>
              ))}
            </ul>
          );
        }
        if (block.kind === "code") {
          return (
            <pre key={i} className="overflow-x-auto rounded bg-slate-100 p-2 text-xs">
              {block.text}
            </pre>
          );
        }
        return (
          <p key={i} className="whitespace-pre-wrap">
            {inline(block.text)}
          </p>
        );
      })}
    </div>
  );
}
