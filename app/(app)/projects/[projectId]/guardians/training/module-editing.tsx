"use client";

// A module's "pass mark and materials" panel (a native <details>): its three forms load when it
// opens, fetched as soon as its summary is hovered or focused, so the page's first load skips them.
import { lazy, useState, type ReactNode } from "react";
import { LoadingOnDemand } from "@/components/ui/loading-on-demand";

const loadForms = () => import("./module-material-forms");
const EditModuleForm = lazy(() => loadForms().then((m) => ({ default: m.EditModuleForm })));
const MaterialLinkForm = lazy(() => loadForms().then((m) => ({ default: m.MaterialLinkForm })));
const MaterialFileForm = lazy(() => loadForms().then((m) => ({ default: m.MaterialFileForm })));

type Module = { id: string; name: string; description: string; required: boolean; passMark: number };

export function ModuleEditing({
  summary,
  projectId,
  module: m,
  accept,
}: {
  summary: ReactNode;
  projectId: string;
  module: Module;
  accept: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-3 border-t border-slate-100 pt-3" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary
        className="cursor-pointer text-sm font-medium text-brand-700"
        onPointerEnter={() => void loadForms()}
        onFocus={() => void loadForms()}
      >
        {summary}
      </summary>
      {open ? (
        <div className="mt-3 space-y-4">
          <LoadingOnDemand>
            <EditModuleForm projectId={projectId} module={m} />
            <MaterialLinkForm projectId={projectId} moduleId={m.id} moduleName={m.name} />
            <MaterialFileForm projectId={projectId} moduleId={m.id} moduleName={m.name} accept={accept} />
          </LoadingOnDemand>
        </div>
      ) : null}
    </details>
  );
}
