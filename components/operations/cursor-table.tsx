import Link from "next/link";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatTime } from "@/components/operations/format";

type TCursor = {
  name: string;
  writeDate: string | null;
  lastRunAt: Date | null;
  lastRunOk: boolean | null;
  lastRunSummary: string | null;
};

/** Where each reconciliation poll got to, its last pass, and the open drift. */
export function CursorTable({ cursors, drift }: { cursors: TCursor[]; drift: { open: number; foundLast24h: number } }) {
  return (
    <div className="space-y-2">
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium text-slate-800">Reconciliation</span>
        <Link
          href="/portal/operations/drift"
          className={drift.open ? "font-medium text-red-700 underline" : "text-slate-600 underline"}
        >
          Drift: {drift.open} open, {drift.foundLast24h} found in 24 h
        </Link>
      </div>
      <Table aria-label="Reconciliation cursors">
        <THead>
          <tr>
            <Th>Model</Th>
            <Th>Odoo changes read up to</Th>
            <Th>Last pass</Th>
            <Th>Result</Th>
          </tr>
        </THead>
        <TBody>
          {cursors.length === 0 && (
            <tr>
              <Td colSpan={4} className="text-slate-500">
                No reconciliation has run yet.
              </Td>
            </tr>
          )}
          {cursors.map((cursor) => (
            <tr key={cursor.name}>
              <Td className="font-mono text-xs">{cursor.name}</Td>
              <Td className="tabular-nums">{cursor.writeDate ?? "not started"}</Td>
              <Td className="tabular-nums">{formatTime(cursor.lastRunAt)}</Td>
              <Td className={cursor.lastRunOk === false ? "text-red-700" : "text-slate-600"}>
                {cursor.lastRunOk === false ? "stopped: " : ""}
                {cursor.lastRunSummary ?? "—"}
              </Td>
            </tr>
          ))}
        </TBody>
      </Table>
    </div>
  );
}
