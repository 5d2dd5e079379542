import Link from "next/link";
import { HealButton } from "@/components/operations/heal-button";
import { LiveRefresh } from "@/components/operations/live-refresh";
import { PageHeader } from "@/components/portal/page-header";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { hasPermission } from "@/server/auth/permissions";
import { requirePageUser } from "@/server/auth/session";
import { findDriftFindings } from "@/server/operations/find-drift-findings";

export const metadata = { title: "Drift report" };
export const dynamic = "force-dynamic";

export default async function DriftPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser("operations.read");
  const open = (await searchParams).all !== "1";
  const { findings, lastReport } = await findDriftFindings({ open });
  const canHeal = hasPermission(user.role, "operations.replay");

  return (
    <>
      <PageHeader
        title="Drift report"
        description={`Differences between the ERP cache and Odoo, found hourly. Last report: ${lastReport ? `${formatDateTime(lastReport.startedAt)} — ${lastReport.summary ?? lastReport.outcome.toLowerCase()}` : "never"}.`}
        actions={
          <div className="flex flex-wrap items-center gap-4">
            <Link className="text-sm text-brand-700 underline" href={open ? "?all=1" : "?"}>
              {open ? "Show the last week, healed too" : "Show open findings only"}
            </Link>
            {/* Heals from another operator and the hourly report show up without a reload. */}
            <LiveRefresh seconds={15} renderedAt={new Date().toISOString()} />
          </div>
        }
      />
      {findings.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          {open ? "No open drift: the cache matches Odoo." : "No drift found in the last week."}
        </p>
      ) : (
        <Table aria-label="Drift findings">
          <THead>
            <tr>
              <Th>Found</Th>
              <Th>Record</Th>
              <Th>Field</Th>
              <Th>Cached</Th>
              <Th>Odoo</Th>
              <Th>Healed</Th>
              {canHeal && <Th className="text-right">Heal</Th>}
            </tr>
          </THead>
          <TBody>
            {findings.map((finding) => (
              <tr key={finding.id}>
                <Td className="whitespace-nowrap">{formatDateTime(finding.foundAt)}</Td>
                <Td className="font-mono text-xs">
                  {finding.model} #{finding.odooId}
                </Td>
                <Td>{finding.field}</Td>
                <Td className="tabular-nums">{finding.cached ?? "—"}</Td>
                <Td className="tabular-nums">{finding.actual ?? "—"}</Td>
                <Td>{finding.healedAt ? formatDateTime(finding.healedAt) : "open"}</Td>
                {canHeal && (
                  <Td className="text-right">{!finding.healedAt && <HealButton findingId={finding.id} />}</Td>
                )}
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
