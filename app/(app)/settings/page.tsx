import type { Metadata } from "next";
import { getDb } from "@/db/client";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listApiTokens } from "@/lib/data/tokens";
import { requireActor } from "@/lib/session";
import { PasswordForm } from "./password-form";
import { SignOutEverywhere, TokensPanel } from "./tokens-panel";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const actor = await requireActor();
  const tokens = await listApiTokens(getDb(), actor);
  return (
    <>
      <PageHeader title="Settings" description={`Signed in as ${actor.email}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Password">
          <PasswordForm />
        </Card>
        <Card title="Sessions">
          <p className="mb-3 text-sm text-slate-700">
            Lost a laptop or signed in on a shared computer? End every session of your account.
          </p>
          <SignOutEverywhere />
        </Card>
        <Card title="Personal API tokens" className="lg:col-span-2">
          <p className="mb-3 text-sm text-slate-700">
            Tokens act with your permissions on the HTTP API (
            <a className="text-brand-700 underline" href="/api/v1/openapi.json">
              OpenAPI description
            </a>
            ). Send them as{" "}
            <code className="rounded bg-slate-100 px-1 font-mono text-xs">Authorization: Bearer &lt;token&gt;</code>.
            They are stored hashed and shown only once.
          </p>
          <TokensPanel tokens={tokens} />
        </Card>
      </div>
    </>
  );
}
