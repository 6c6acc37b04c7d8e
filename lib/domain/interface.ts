// Interface status workflow (DESIGN.md §2 Interface): designed → developed → tested → live.
// Decision: an interface moves FORWARD one step at a time (no skipping testing on the way to
// live), and may go BACK to any earlier status, but only with a written reason (a defect found
// in testing, a contract change): the reason is kept in the audit trail.
// (db/enums has no dependency: client components use this module without pulling in the ORM.)
import { INTERFACE_STATUSES } from "@/db/enums";
import { onField, refuse, type Outcome } from "@/lib/domain/refusal";

export type InterfaceStatus = (typeof INTERFACE_STATUSES)[number];

export type InterfaceTransition = { to: InterfaceStatus; reason?: string };

export type InterfaceTransitionResult = Outcome<{
  status: InterfaceStatus;
  direction: "forward" | "back";
  audit: { action: string; from: InterfaceStatus; to: InterfaceStatus; reason: string | null };
}>;

export const INTERFACE_STATUS_LABELS: Record<InterfaceStatus, string> = {
  designed: "Designed",
  developed: "Developed",
  tested: "Tested",
  live: "Live",
};

const rank = (status: InterfaceStatus) => INTERFACE_STATUSES.indexOf(status);

/** The status one step forward, or null when already live. */
export function nextInterfaceStatus(status: InterfaceStatus): InterfaceStatus | null {
  return INTERFACE_STATUSES[rank(status) + 1] ?? null;
}

/** The statuses an interface may move to from here (forward one step, or back to any earlier one). */
export function allowedInterfaceTargets(status: InterfaceStatus): {
  forward: InterfaceStatus | null;
  back: InterfaceStatus[];
} {
  return { forward: nextInterfaceStatus(status), back: INTERFACE_STATUSES.slice(0, rank(status)) };
}

export function transitionInterface(current: InterfaceStatus, command: InterfaceTransition): InterfaceTransitionResult {
  const from = rank(current);
  const to = rank(command.to);
  const reason = command.reason?.trim() ?? "";
  if (to === from) {
    return refuse(
      "interface_same_status",
      `The interface is already ${INTERFACE_STATUS_LABELS[current].toLowerCase()}.`,
      { params: { status: current } },
    );
  }
  if (to > from + 1) {
    const next = nextInterfaceStatus(current)!;
    return refuse(
      "interface_skips_a_step",
      `An interface moves forward one step at a time: from ${INTERFACE_STATUS_LABELS[current].toLowerCase()} ` +
        `it can only become ${INTERFACE_STATUS_LABELS[next].toLowerCase()}.`,
      { params: { from: current, next } },
    );
  }
  if (to < from && !reason) {
    const message = `Moving an interface back to ${INTERFACE_STATUS_LABELS[command.to].toLowerCase()} needs a reason.`;
    return refuse("interface_reason_required", message, {
      kind: "input",
      fieldErrors: onField("reason", message),
      params: { status: command.to },
    });
  }
  const direction = to > from ? "forward" : "back";
  return {
    ok: true,
    status: command.to,
    direction,
    audit: {
      action: direction === "forward" ? "interface.advance" : "interface.reopen",
      from: current,
      to: command.to,
      reason: reason || null,
    },
  };
}
