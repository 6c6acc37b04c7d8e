import { describe, expect, it } from "vitest";
import { escapeHtml, Html, markup } from "./html";

describe("markup", () => {
  it.each([
    ["<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"],
    [`a "quoted" 'name'`, "a &quot;quoted&quot; &#39;name&#39;"],
    ["Tom & Jerry", "Tom &amp; Jerry"],
    ["&amp;", "&amp;amp;"],
    ["plain", "plain"],
  ])("escapes %j as %j, in content and in attributes", (text, escaped) => {
    expect(escapeHtml(text)).toBe(escaped);
    expect(markup`<td title="${text}">${text}</td>`.text).toBe(`<td title="${escaped}">${escaped}</td>`);
  });

  it("places markup made by markup as it is, and joins arrays of it", () => {
    const items = ["<b>", "ok"].map((t) => markup`<li>${t}</li>`);
    expect(markup`<ul>${items}</ul>`.text).toBe("<ul><li>&lt;b&gt;</li><li>ok</li></ul>");
    expect(markup`${markup`<br>`}`.toString()).toBe("<br>");
  });

  it("leaves nothing for null, undefined and false, and writes numbers and zero", () => {
    expect(markup`[${null}${undefined}${false}]`.text).toBe("[]");
    expect(markup`${0} ${12}`.text).toBe("0 12");
  });

  it("trusts nothing but Html: an object that looks like markup is written as text", () => {
    const forged = { text: "<img src=x onerror=alert(1)>", toString: () => "<img src=x onerror=alert(1)>" };
    expect(markup`${forged}`.text).toBe("&lt;img src=x onerror=alert(1)&gt;");
    expect(markup`${"<i>"}`).toEqual(new Html("&lt;i&gt;"));
  });
});
