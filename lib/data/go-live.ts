// Go-live moved into go-live-readiness, go-live-acceptance, go-live-sign-off and go-live-handover.
// Kept only because db/seed (go-live.ts and three tests) imports getGoLive and sha256 from this path
// and db/** was being edited on another branch: point those imports at the new modules, then delete this file.
export { sha256 } from "@/lib/data/go-live-acceptance";
export { getGoLive } from "@/lib/data/go-live-readiness";
