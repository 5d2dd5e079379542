import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ModelEditor } from "@/components/portal/configurator/model-editor";
import { ModelVersionActions } from "@/components/portal/configurator/model-version-actions";
import { Badge } from "@/components/ui/badge";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { hasPermission } from "@/server/auth/permissions";
import { requirePageUser } from "@/server/auth/session";
import { getModelView } from "@/server/configurator/get-model-view";

export const metadata = { title: "Product model" };

const STATE = {
  draft: { label: "Draft", tone: "neutral" },
  live: { label: "Live", tone: "success" },
  superseded: { label: "Superseded", tone: "neutral" },
} as const;

export default async function ModelVersionPage({ params }: { params: Promise<{ versionId: string }> }) {
  const user = await requirePageUser("configurator.read");
  const { versionId } = await params;
  if (!z.uuid().safeParse(versionId).success) notFound();
  const view = await getModelView(versionId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const canWrite = hasPermission(user.role, "configurator.write");
  const { version } = view;

  return (
    <div className="space-y-6">
      <Link href="/portal/configurator" className="text-sm font-medium text-brand-600 hover:underline">
        ← Product models
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <p className="text-sm font-medium text-slate-500">
            {version.model.title} · <span className="font-mono">{version.model.productHandle}</span>
          </p>
          <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight">
            Version {version.number} <Badge tone={STATE[view.state].tone}>{STATE[view.state].label}</Badge>
          </h1>
          <p className="text-sm text-slate-600">
            {version.publishedAt
              ? `Published ${formatDateTime(version.publishedAt)}`
              : `Started ${formatDateTime(version.createdAt)}`}
            {version.createdById && view.people[version.createdById] ? ` by ${view.people[version.createdById]}` : ""}
            {version.note ? ` · ${version.note}` : ""}
          </p>
          <nav className="flex flex-wrap gap-2 pt-1 text-xs" aria-label="Versions">
            {view.versions.map((item) => (
              <Link
                key={item.id}
                href={`/portal/configurator/versions/${item.id}`}
                aria-current={item.id === version.id ? "page" : undefined}
                className={
                  item.id === version.id
                    ? "rounded-full bg-brand-600 px-2.5 py-1 text-white"
                    : "rounded-full bg-slate-100 px-2.5 py-1 text-slate-700 hover:bg-slate-200"
                }
              >
                v{item.number}
                {item.status === "DRAFT" ? " (draft)" : ""}
              </Link>
            ))}
          </nav>
        </div>
        {canWrite && (
          <ModelVersionActions
            versionId={version.id}
            modelId={version.modelId}
            state={view.state}
            hasDraft={view.versions.some((item) => item.status === "DRAFT")}
          />
        )}
      </div>
      {!view.product && (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-800">
          The product cannot be loaded from the catalogue right now: variant checks are paused.
        </p>
      )}
      <ModelEditor
        key={`${version.id}-${version.revision}`}
        versionId={version.id}
        revision={version.revision}
        initial={version.definition}
        editable={canWrite && version.status === "DRAFT"}
        skus={view.product?.variants.flatMap((variant) => (variant.sku ? [variant.sku] : [])) ?? []}
      />
    </div>
  );
}
