import Link from "next/link";

// Inside the signed-in layout, which already holds the page's one <main> landmark (the root
// not-found, for addresses outside it, brings its own).
export default function NotFound() {
  return (
    <div className="mx-auto max-w-lg px-4 py-16 text-center">
      <title>Not found · Lightgate</title>
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">Not found</h1>
      <p className="mt-2 text-slate-600">This page does not exist, or it is not visible to your account.</p>
      <Link href="/dashboard" className="mt-6 inline-block text-brand-700 underline">
        Back to the dashboard
      </Link>
    </div>
  );
}
