import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { PageHeader } from "@/components/ui/page-header";
import { getPolicyVersion } from "@/lib/data/policies";
import { orNotFound } from "@/lib/page";
import { requireAdminPage } from "../../../require-admin";
import { PolicyEditor } from "./policy-editor";

export const metadata: Metadata = { title: "Edit gate policy" };

export default async function EditPolicyPage({ params }: { params: Promise<{ versionId: string }> }) {
  const actor = await requireAdminPage();
  const { versionId } = await params;
  const version = await orNotFound(async () => await getPolicyVersion(getDb(), actor, versionId));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/admin/policies/${version.id}`} className="text-brand-700 underline">
          ← Version {version.version}
        </Link>
      </p>
      <PageHeader
        title={`Edit ${version.policy.name}`}
        description={
          `Starting from version ${version.version}. Publishing creates ` +
          `version ${version.version + 1}; the ${version.projectCount} ` +
          `project${version.projectCount === 1 ? "" : "s"} on version ${version.version} keep it.`
        }
      />
      {version.isLatest ? (
        <PolicyEditor
          policyId={version.policy.id}
          versionId={version.id}
          version={version.version}
          gates={version.gates}
        />
      ) : (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Version {version.latestVersion} has been published since this one. Edits start from the latest version:{" "}
          <Link href="/admin/policies" className="underline">
            choose it in the version list
          </Link>
          .
        </p>
      )}
    </>
  );
}
