import { PageHeader } from "@/components/portal/page-header";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { describeChange } from "@/lib/audit/describe-change";
import { formatDateTime } from "@/lib/format";
import { requirePageUser } from "@/server/auth/session";
import { findAuditEntries } from "@/server/audit/find-audit-entries";

export const metadata = { title: "Audit log" };

export default async function AuditPage() {
  await requirePageUser("audit.read");
  const entries = await findAuditEntries({ limit: 200 });

  return (
    <>
      <PageHeader title="Audit log" description="The latest 200 changes, newest first." />
      {entries.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
          Nothing has been changed yet.
        </p>
      ) : (
        <Table>
          <THead>
            <tr>
              <Th>When</Th>
              <Th>Who</Th>
              <Th>What</Th>
              <Th>Record</Th>
              <Th>Change</Th>
            </tr>
          </THead>
          <TBody>
            {entries.map((entry) => (
              <tr key={entry.id} data-testid="audit-row">
                <Td className="whitespace-nowrap">{formatDateTime(entry.at)}</Td>
                <Td>{entry.actorLabel}</Td>
                <Td className="font-medium text-slate-900">{entry.action}</Td>
                <Td className="font-mono text-xs" title={entry.entityId}>
                  {entry.entityType} {entry.entityId.slice(-8)}
                </Td>
                <Td>
                  <ul className="space-y-0.5 font-mono text-xs wrap-anywhere">
                    {describeChange(entry.before, entry.after).map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                </Td>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
