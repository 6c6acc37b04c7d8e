import { describe, expect, it } from "vitest";
import { decodeLabelPieces } from "./mermaid-labels";

describe("decodeLabelPieces", () => {
  it.each([
    [["&#60;img src&#61;x"], ["<img src=x"]],
    [["daily 02&#58;00"], ["daily 02:00"]],
    // Split across wrapped lines, as mermaid does with long words.
    [
      ["onerror=alert(1)&#", "62;", " · Other"],
      ["onerror=alert(1)>", "", " · Other"],
    ],
    [
      ["a&#6", "2", ";b"],
      ["a>", "", "b"],
    ],
    // Split inside mermaid's own placeholder, which it then cannot decode.
    [
      ["x ﬂ", "°°62¶ß y"],
      ["x >", " y"],
    ],
    [
      ["x &#62¶", "ß y"],
      ["x >", " y"],
    ],
    // A user who typed "&#60;" was escaped to #38;#35;60#59;: it stays literal text.
    [["&#38;&#35;60&#59;"], ["&#60;"]],
    [["emoji &#128640;"], ["emoji 🚀"]],
    [["out of range &#9999999;"], ["out of range \uFFFD"]],
    [
      ["plain text", " & more"],
      ["plain text", " & more"],
    ],
  ])("%j → %j", (pieces, expected) => {
    expect(decodeLabelPieces(pieces)).toEqual(expected);
  });
});
