// The gate page says the decision rule's verdict in the reader's language; in English exactly as
// the workflow explains it (evaluateRule), and in Spanish and Polish in their own words.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { evaluateRule, type BoardSeat, type CastVote, type DecisionRule } from "@/lib/domain/gate";
import enGates from "@/messages/en/gates.json";
import esGates from "@/messages/es/gates.json";
import plGates from "@/messages/pl/gates.json";
import { sayRuleVerdict, type RuleTranslator } from "./gate-rule-words";

const translator = (locale: "en" | "es" | "pl", messages: typeof enGates) =>
  createTranslator({ locale, messages, namespace: "gateRule" }) as unknown as RuleTranslator;
const en = translator("en", enGates);
const others = [translator("es", esGates), translator("pl", plGates)];

const seat = (userId: string, required = false): BoardSeat => ({ userId, required });
const vote = (userId: string, v: CastVote["vote"]): CastVote => ({ userId, vote: v });
const board = [seat("pm", true), seat("owner", true), seat("eng"), seat("qa")];

const CASES: [string, DecisionRule, number | null, BoardSeat[], CastVote[]][] = [
  ["unanimous, all in favour", "unanimous", null, board, board.map((s) => vote(s.userId, "go"))],
  ["unanimous, one against", "unanimous", null, board, [vote("pm", "go"), vote("owner", "hold")]],
  ["unanimous, two against", "unanimous", null, board, [vote("eng", "kill"), vote("owner", "hold")]],
  ["unanimous, no vote", "unanimous", null, board, []],
  ["unanimous, a required member missing", "unanimous", null, board, [vote("pm", "go"), vote("eng", "go")]],
  ["unanimous, two required missing", "unanimous", null, board, [vote("eng", "conditional_go")]],
  ["quorum met", "quorum", 3, board, [vote("pm", "go"), vote("owner", "go"), vote("qa", "go")]],
  ["quorum short", "quorum", 3, board, [vote("pm", "go"), vote("owner", "go")]],
  ["quorum short, one required not in favour", "quorum", 2, board, [vote("pm", "go"), vote("eng", "go")]],
  ["quorum, nothing yet", "quorum", 3, board, []],
  ["majority met", "majority", null, board, [vote("pm", "go"), vote("owner", "go"), vote("qa", "go")]],
  ["majority short", "majority", null, board, [vote("pm", "go"), vote("owner", "hold")]],
  ["majority, an empty board", "majority", null, [], []],
  ["votes by someone off the board are not counted", "unanimous", null, board, [vote("ghost", "go")]],
];

describe("the decision rule's verdict in the reader's language", () => {
  it.each(CASES)("%s: English is the workflow's explanation", (_, rule, quorum, seats, votes) => {
    const verdict = evaluateRule(rule, quorum, seats, votes);
    expect(sayRuleVerdict(en, { decisionRule: rule, quorum, board: seats, votes, verdict })).toBe(verdict.explanation);
  });

  it.each(CASES)("%s: Spanish and Polish say it otherwise", (_, rule, quorum, seats, votes) => {
    const verdict = evaluateRule(rule, quorum, seats, votes);
    for (const t of others) {
      const words = sayRuleVerdict(t, { decisionRule: rule, quorum, board: seats, votes, verdict });
      expect(words.trim()).not.toBe("");
      expect(words).not.toBe(verdict.explanation);
    }
  });
});
