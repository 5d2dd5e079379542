import { VersionHeader } from "@/components/portal/pricing/version-header";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { describePricingAudit } from "@/lib/pricing/describe-audit";
import { findAuditEntries } from "@/server/audit/find-audit-entries";
import { loadVersionPage } from "../load-version";

export const metadata = { title: "History" };

export default async function HistoryPage({ params }: { params: Promise<{ versionId: string }> }) {
  const { view, permissions } = await loadVersionPage(params);
  const entries = await findAuditEntries({ entityIds: [view.version.id], limit: 500 });

  return (
    <>
      <VersionHeader view={view} tab="history" permissions={permissions} />
      <Table>
        <THead>
          <tr>
            <Th>When</Th>
            <Th>Who</Th>
            <Th>What</Th>
            <Th>Details</Th>
          </tr>
        </THead>
        <TBody>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="history-row">
              <Td className="whitespace-nowrap">{formatDateTime(entry.at)}</Td>
              <Td>{entry.actorLabel}</Td>
              <Td className="font-medium text-slate-900">
                {entry.action.replace("pricing.", "").replaceAll("_", " ").replaceAll(".", " ")}
              </Td>
              <Td>
                <ul className="space-y-0.5 text-xs">
                  {describePricingAudit(entry.action, entry.before, entry.after).map((line, index) => (
                    <li key={index} className={index ? "font-mono text-slate-600" : ""}>
                      {line}
                    </li>
                  ))}
                </ul>
              </Td>
            </tr>
          ))}
          {entries.length === 0 && (
            <tr>
              <Td colSpan={4} className="py-8 text-center text-slate-500">
                Nothing recorded yet.
              </Td>
            </tr>
          )}
        </TBody>
      </Table>
    </>
  );
}
