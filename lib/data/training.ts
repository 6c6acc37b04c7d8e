// Training moved into training-modules, training-sessions, training-attendance and training-calendar.
// Kept only because db/seed/readiness.test.ts imports listSessions from this path and db/** was being
// edited on another branch: point that import at @/lib/data/training-sessions, then delete this file.
export { listSessions } from "@/lib/data/training-sessions";
