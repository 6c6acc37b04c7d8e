export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4">
      <span className="sr-only">Loading your dashboard…</span>
      <div className="h-8 w-56 rounded bg-slate-200" />
      <div className="h-10 w-full max-w-xl rounded bg-slate-200" />
      <div className="h-80 rounded bg-slate-200" />
    </div>
  );
}
