// What of an audit event's payload a reader may see (DESIGN.md §1: client accounts never see
// vendor-internal notes or internal cost figures).
//
// Decision: readers without `project.viewInternal` (client accounts, integrators, board-only
// seats) see every event of the project, but its before/after payloads lose every field that
// carries a vendor-internal note or a money/cost figure, at any depth, and the event loses
// the IP address and user agent. The hash still covers the full stored content, so such a
// reader cannot re-verify a redacted event; the event says which fields were withheld.

/** Field names that are vendor-internal wherever they appear in a payload. */
const INTERNAL_FIELD = new RegExp(
  "^(internal.*|.*notes?internal.*|.*cost.*|.*amount.*|dayRate|day_rate|fixedSprintAmount|" +
    "margin.*|budget.*|.*price.*|.*invoice.*)$",
  "i",
);

export const isInternalField = (name: string) => INTERNAL_FIELD.test(name);

export type Redacted = { value: unknown; withheld: string[] };

/** A copy of `value` without internal fields, and the paths of what was withheld. */
export function redactPayload(value: unknown, path = ""): Redacted {
  if (Array.isArray(value)) {
    const withheld: string[] = [];
    const items = value.map((item, i) => {
      const r = redactPayload(item, `${path}[${i}]`);
      withheld.push(...r.withheld);
      return r.value;
    });
    return { value: items, withheld };
  }
  if (value === null || typeof value !== "object") return { value, withheld: [] };
  const out: Record<string, unknown> = {};
  const withheld: string[] = [];
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    const at = path ? `${path}.${key}` : key;
    if (isInternalField(key)) {
      withheld.push(at);
      continue;
    }
    const r = redactPayload(item, at);
    out[key] = r.value;
    withheld.push(...r.withheld);
  }
  return { value: out, withheld };
}

export type AuditPayload = { before: unknown; after: unknown; ip: string | null; userAgent: string | null };

/** The payload as this reader may see it. */
export function visiblePayload(event: AuditPayload, seesInternal: boolean): AuditPayload & { withheld: string[] } {
  if (seesInternal) return { ...event, withheld: [] };
  const before = redactPayload(event.before, "before");
  const after = redactPayload(event.after, "after");
  const withheld = [...before.withheld, ...after.withheld];
  if (event.ip) withheld.push("ip");
  if (event.userAgent) withheld.push("userAgent");
  return { before: before.value, after: after.value, ip: null, userAgent: null, withheld };
}
