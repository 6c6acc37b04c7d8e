// Train-the-trainer rules that are not about a guardian's status: when attendance and scores
// may be recorded. Pure, so the UI, the API and the tests share one truth.

export type AttendanceInput = { guardianId: string; attended: boolean; score: number | null };
export type AttendanceRefusal = { refused: true; reason: string; message: string; guardianIds?: string[] };

export function checkAttendance(
  session: { startsAt: string; enrolledGuardianIds: string[] },
  records: AttendanceInput[],
  now: Date,
): { refused: false } | AttendanceRefusal {
  if (new Date(session.startsAt).getTime() > now.getTime()) {
    return {
      refused: true,
      reason: "session_not_started",
      message: "Attendance can be recorded once the session has started.",
    };
  }
  const unknown = records.filter((r) => !session.enrolledGuardianIds.includes(r.guardianId)).map((r) => r.guardianId);
  if (unknown.length) {
    return {
      refused: true,
      reason: "not_enrolled",
      message: "Enrol these guardians in the session before recording their attendance.",
      guardianIds: unknown,
    };
  }
  const scoredAbsent = records.filter((r) => !r.attended && r.score !== null).map((r) => r.guardianId);
  if (scoredAbsent.length) {
    return {
      refused: true,
      reason: "score_without_attendance",
      message: "Only guardians who attended can have an assessment score.",
      guardianIds: scoredAbsent,
    };
  }
  const ids = records.map((r) => r.guardianId);
  if (new Set(ids).size !== ids.length) {
    return {
      refused: true,
      reason: "duplicate_attendee",
      message: "Each guardian appears once in an attendance record.",
    };
  }
  return { refused: false };
}

/** A session can be cancelled until someone's attendance or score was recorded for it. */
export function checkCancellation(
  records: { attended: boolean | null; score: number | null }[],
): { refused: false } | AttendanceRefusal {
  if (records.some((r) => r.attended !== null || r.score !== null)) {
    return {
      refused: true,
      reason: "session_has_attendance",
      message:
        "Attendance was recorded for this session, so it is part of the training record and cannot be cancelled.",
    };
  }
  return { refused: false };
}
