import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-20 text-center">
      <title>Not found · Lightgate</title>
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-slate-900">Not found</h1>
      <p className="mt-2 text-slate-600">This page does not exist, or it is not visible to your account.</p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        Back to Lightgate
      </Link>
    </main>
  );
}
