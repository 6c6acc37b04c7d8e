import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { accountLinkForToken } from "@/lib/data/invitations";
import { AuthFrame } from "../../auth-frame";
import { AcceptLinkForm } from "./accept-link-form";

// The token is in the address: never send it on to another site, never index it.
export const metadata: Metadata = {
  title: "Choose your password",
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

export default async function AccountLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await accountLinkForToken(getDb(), token);
  if (link.state !== "usable") {
    return (
      <AuthFrame heading="This link cannot be used">
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {link.message}
        </p>
        <p className="mt-4 text-sm text-slate-600">
          Already have a password?{" "}
          <Link href="/sign-in" className="text-brand-700 underline">
            Sign in
          </Link>
        </p>
      </AuthFrame>
    );
  }
  const invite = link.purpose === "invite";
  return (
    <AuthFrame heading={invite ? "Welcome: choose your password" : "Choose a new password"}>
      <p className="text-sm text-slate-700">
        {invite
          ? "Your administrator created a Lightgate account for you. Choose a password to finish; you then sign " +
            "in with your email and this password."
          : "Your administrator sent you this link to replace your password. Every session of your account is " +
            "signed out once you set it."}
      </p>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md bg-slate-50 px-3 py-2 text-sm">
        <dt className="text-slate-600">Name</dt>
        <dd className="font-medium text-slate-900">{link.name}</dd>
        <dt className="text-slate-600">Email</dt>
        <dd className="break-all font-medium text-slate-900">{link.email}</dd>
      </dl>
      <div className="mt-5">
        <AcceptLinkForm
          token={token}
          email={link.email}
          submitLabel={invite ? "Set my password" : "Set the new password"}
        />
      </div>
    </AuthFrame>
  );
}
