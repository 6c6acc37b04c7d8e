import { describe, expect, it } from "vitest";
import { decodeLabelEntities } from "./mermaid-labels";

describe("decodeLabelEntities", () => {
  it.each([
    ["<tspan>&amp;#60;img src&amp;#61;x&amp;#62;</tspan>", "<tspan>&#60;img src&#61;x&#62;</tspan>"],
    ["daily 02&amp;#58;00", "daily 02&#58;00"],
    // A user who typed "&#60;" literally was escaped to #38;#35;60#59; and stays literal text.
    ["&amp;#38;&amp;#35;60&amp;#59;", "&#38;&#35;60&#59;"],
    // Named references and plain ampersands are left alone.
    ["a &amp;lt; b &amp; c", "a &amp;lt; b &amp; c"],
  ])("%s → %s", (input, expected) => {
    expect(decodeLabelEntities(input)).toBe(expected);
  });

  it("never produces markup: the output has no tag the input did not have", () => {
    const input = "<text>&amp;#60;script&amp;#62;alert(1)&amp;#60;/script&amp;#62;</text>";
    const output = decodeLabelEntities(input);
    expect(output.match(/</g)?.length).toBe(input.match(/</g)?.length);
  });
});
