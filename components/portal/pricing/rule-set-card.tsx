import Link from "next/link";
import { StartDraftButton } from "@/components/portal/pricing/start-draft-button";
import { VersionStateBadge } from "@/components/portal/pricing/version-state-badge";
import { Card } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { Tooltip } from "@/components/ui/tooltip";
import { formatDateTime } from "@/lib/format";
import type { TRuleSetSummary } from "@/server/pricing/find-rule-sets";

export function RuleSetCard({ ruleSet, canWrite }: { ruleSet: TRuleSetSummary; canWrite: boolean }) {
  const live = ruleSet.versions.find((version) => version.id === ruleSet.liveVersionId);
  const open = ruleSet.versions.find((version) => version.id === ruleSet.openVersionId);

  return (
    <Card className="space-y-4 p-5" data-testid="rule-set">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-lg font-semibold">
            {ruleSet.name}{" "}
            <span className="ml-1 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-sm text-slate-600">
              {ruleSet.currency}
            </span>
          </h2>
          <p className="text-sm text-slate-600">
            {live
              ? `Version ${live.number} is live since ${formatDateTime(live.effectiveFrom)}.`
              : "Nothing is live yet: buyers see no prices in this currency."}
          </p>
        </div>
        {open ? (
          <Link
            href={`/portal/pricing/versions/${open.id}`}
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
          >
            Continue version {open.number}
          </Link>
        ) : (
          canWrite && <StartDraftButton ruleSetId={ruleSet.id} />
        )}
      </div>
      <Table>
        <THead>
          <tr>
            <Th>Version</Th>
            <Th>State</Th>
            <Th>Rules</Th>
            <Th>Note</Th>
            <Th>Created</Th>
            <Th>Approved by</Th>
            <Th>Go-live</Th>
          </tr>
        </THead>
        <TBody>
          {ruleSet.versions.map((version) => (
            <tr key={version.id} data-testid="version-row">
              <Td>
                <Link
                  href={`/portal/pricing/versions/${version.id}`}
                  className="whitespace-nowrap font-medium text-brand-700 hover:underline"
                >
                  Version {version.number}
                </Link>
                {version.basedOnNumber && (
                  <span className="ml-1 text-xs text-slate-500">from v{version.basedOnNumber}</span>
                )}
              </Td>
              <Td>
                <VersionStateBadge state={version.state} />
              </Td>
              <Td className="tabular-nums">{version.ruleCount}</Td>
              <Td className="max-w-xs">
                {version.note ? (
                  <Tooltip content={version.note}>
                    <span tabIndex={0} className="block truncate">
                      {version.note}
                    </span>
                  </Tooltip>
                ) : (
                  "—"
                )}
              </Td>
              <Td className="whitespace-nowrap">
                {version.createdBy ?? "System"}
                <div className="text-xs text-slate-500">{formatDateTime(version.createdAt)}</div>
              </Td>
              <Td className="whitespace-nowrap">{version.approvedBy ?? "—"}</Td>
              <Td className="whitespace-nowrap">{formatDateTime(version.effectiveFrom)}</Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
