// Train-the-trainer rules that are not about a guardian's status: when attendance and scores
// may be recorded. Pure, so the UI, the API and the tests share one truth.
import { refuse, type Outcome } from "@/lib/domain/refusal";

export type AttendanceInput = { guardianId: string; attended: boolean; score: number | null };
/** Refusals name the guardians concerned in `missing` (their ids). */
export type AttendanceCheck = Outcome<object, string>;

export function checkAttendance(
  session: { startsAt: string; enrolledGuardianIds: string[] },
  records: AttendanceInput[],
  now: Date,
): AttendanceCheck {
  if (new Date(session.startsAt).getTime() > now.getTime()) {
    return refuse("session_not_started", "Attendance can be recorded once the session has started.");
  }
  const unknown = records.filter((r) => !session.enrolledGuardianIds.includes(r.guardianId)).map((r) => r.guardianId);
  if (unknown.length) {
    return refuse("not_enrolled", "Enrol these guardians in the session before recording their attendance.", {
      missing: unknown,
    });
  }
  const scoredAbsent = records.filter((r) => !r.attended && r.score !== null).map((r) => r.guardianId);
  if (scoredAbsent.length) {
    return refuse("score_without_attendance", "Only guardians who attended can have an assessment score.", {
      missing: scoredAbsent,
    });
  }
  const ids = records.map((r) => r.guardianId);
  if (new Set(ids).size !== ids.length) {
    return refuse("duplicate_attendee", "Each guardian appears once in an attendance record.");
  }
  return { ok: true };
}

/** A session can be cancelled until someone's attendance or score was recorded for it. */
export function checkCancellation(records: { attended: boolean | null; score: number | null }[]): AttendanceCheck {
  if (records.some((r) => r.attended !== null || r.score !== null)) {
    return refuse(
      "session_has_attendance",
      "Attendance was recorded for this session, so it is part of the training record and cannot be cancelled.",
    );
  }
  return { ok: true };
}
