import Link from "next/link";
import { VersionActions } from "@/components/portal/pricing/version-actions";
import { VersionStateBadge } from "@/components/portal/pricing/version-state-badge";
import { VersionTabs, type TVersionTab } from "@/components/portal/pricing/version-tabs";
import { cn } from "@/lib/cn";
import { formatDateTime } from "@/lib/format";
import type { TVersionView } from "@/server/pricing/get-version-view";

type TPermissions = { userId: string; canWrite: boolean; canPublish: boolean };

function Stepper({ view }: { view: TVersionView }) {
  const steps = view.requiresApproval
    ? ["Draft", "Awaiting approval", "Approved", "Published"]
    : ["Draft", "Published"];
  const reached = { DRAFT: 0, PENDING_APPROVAL: 1, APPROVED: 2, PUBLISHED: steps.length - 1 }[view.version.status];

  return (
    <ol className="flex flex-wrap items-center gap-2 text-xs font-medium" aria-label="Publishing steps">
      {steps.map((step, index) => (
        <li key={step} className="flex items-center gap-2">
          <span
            className={cn(
              "flex items-center gap-1.5 rounded-full px-2.5 py-1",
              index < reached
                ? "bg-emerald-50 text-emerald-700"
                : index === reached
                  ? "bg-brand-600 text-white"
                  : "bg-slate-100 text-slate-600",
            )}
            aria-current={index === reached ? "step" : undefined}
          >
            {index < reached ? "✓" : index + 1} {step}
          </span>
          {index < steps.length - 1 && <span className="h-px w-6 bg-slate-300" aria-hidden />}
        </li>
      ))}
    </ol>
  );
}

function Meta({ view }: { view: TVersionView }) {
  const { version, people } = view;
  const person = (id: string | null) => (id ? (people[id] ?? "someone") : null);
  const facts = [
    `${version.rules.length} rules`,
    view.comparedWith ? `compared with version ${view.comparedWith}` : null,
    person(version.createdById) && `created by ${person(version.createdById)} ${formatDateTime(version.createdAt)}`,
    person(version.submittedById) && `submitted by ${person(version.submittedById)}`,
    person(version.approvedById) && `approved by ${person(version.approvedById)}`,
    version.effectiveFrom &&
      `${view.state === "scheduled" ? "goes live" : "live from"} ${formatDateTime(version.effectiveFrom)}`,
  ].filter(Boolean);

  return <p className="text-sm text-slate-600">{facts.join(" · ")}</p>;
}

export function VersionHeader({
  view,
  tab,
  permissions,
}: {
  view: TVersionView;
  tab: TVersionTab;
  permissions: TPermissions;
}) {
  const { version } = view;
  const changeCount = view.diff.changes.length + (view.diff.policy ? 1 : 0);

  return (
    <div className="mb-6 space-y-4">
      <Link href="/portal/pricing" className="text-sm font-medium text-brand-600 hover:underline">
        ← Price lists
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1.5">
          <p className="text-sm font-medium text-slate-500">
            {version.ruleSet.name} · {version.ruleSet.currency}
          </p>
          <h1 className="flex items-center gap-3 text-2xl font-semibold tracking-tight">
            Version {version.number} <VersionStateBadge state={view.state} />
          </h1>
          <Meta view={view} />
          {version.note && <p className="text-sm text-slate-700">“{version.note}”</p>}
        </div>
        <VersionActions
          versionId={version.id}
          ruleSetId={version.ruleSetId}
          number={version.number}
          status={version.status}
          state={view.state}
          requiresApproval={view.requiresApproval}
          blocker={view.check.blocker}
          isSubmitter={version.submittedById === permissions.userId}
          canWrite={permissions.canWrite}
          canPublish={permissions.canPublish}
        />
      </div>
      {version.status !== "PUBLISHED" && <Stepper view={view} />}
      <VersionTabs versionId={version.id} current={tab} changeCount={changeCount} />
    </div>
  );
}
