import { describe, expect, it } from "vitest";
import { checkAttendance, checkCancellation } from "./training";

const now = new Date("2026-11-22T10:00:00Z");
const session = { startsAt: "2026-11-22T08:00:00.000Z", enrolledGuardianIds: ["g1", "g2"] };

describe("checkAttendance", () => {
  it.each([
    {
      name: "attended with a score",
      s: session,
      records: [{ guardianId: "g1", attended: true, score: 80 }],
      reason: null,
    },
    {
      name: "absent without a score",
      s: session,
      records: [{ guardianId: "g2", attended: false, score: null }],
      reason: null,
    },
    {
      name: "attended, not yet scored",
      s: session,
      records: [{ guardianId: "g1", attended: true, score: null }],
      reason: null,
    },
    {
      name: "session in the future",
      s: { ...session, startsAt: "2026-11-23T08:00:00Z" },
      records: [{ guardianId: "g1", attended: true, score: 80 }],
      reason: "session_not_started",
    },
    {
      name: "guardian not enrolled",
      s: session,
      records: [{ guardianId: "g3", attended: true, score: 80 }],
      reason: "not_enrolled",
    },
    {
      name: "score for an absentee",
      s: session,
      records: [{ guardianId: "g1", attended: false, score: 50 }],
      reason: "score_without_attendance",
    },
    {
      name: "same guardian twice",
      s: session,
      records: [
        { guardianId: "g1", attended: true, score: 50 },
        { guardianId: "g1", attended: true, score: 60 },
      ],
      reason: "duplicate_attendee",
    },
  ])("$name", ({ s, records, reason }) => {
    const verdict = checkAttendance(s, records, now);
    if (reason === null) expect(verdict).toEqual({ ok: true });
    else expect(verdict).toMatchObject({ ok: false, refusal: { code: reason } });
  });
});

describe("checkCancellation", () => {
  it.each([
    { name: "nobody enrolled", records: [], refused: false },
    { name: "enrolled, nothing recorded", records: [{ attended: null, score: null }], refused: false },
    {
      name: "someone marked absent",
      records: [
        { attended: null, score: null },
        { attended: false, score: null },
      ],
      refused: true,
    },
    { name: "someone scored", records: [{ attended: true, score: 80 }], refused: true },
  ])("$name → refused=$refused", ({ records, refused }) => {
    expect(!checkCancellation(records).ok).toBe(refused);
  });
});
