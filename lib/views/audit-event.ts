// The public shape of an audit event (DESIGN.md §6 field names), as one reader may see it. Types
// only, so the browser may import them; lib/data/audit-trail.ts (auditEventView) produces it.
export type AuditEventView = {
  id: string;
  seq: number;
  at: string;
  actor: { id: string | null; email: string | null } | null;
  actorRole: string | null;
  action: string;
  objectType: string;
  objectId: string;
  projectId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  hash: string;
  previousHash: string;
  /** Fields withheld from this reader (vendor-internal); empty when nothing was. */
  withheld: string[];
};
