import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { TImportRun } from "@/lib/catalog/import-runs";
import { formatDateTime } from "@/lib/format";

const COLUMNS = ["read", "created", "updated", "archived", "restored", "unchanged", "skipped", "failed"] as const;

/** The catalogue import's latest runs: what each did per product, and each failure with its SKU. */
export function ImportRunsTable({ runs }: { runs: TImportRun[] }) {
  if (!runs.length)
    return (
      <p className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center text-slate-600">
        No import has run yet. Odoo&apos;s products are read every minute, or now with “Run now”.
      </p>
    );

  return (
    <Table>
      <THead>
        <tr>
          <Th>Run</Th>
          {COLUMNS.map((column) => (
            <Th key={column} className="text-right capitalize">
              {column}
            </Th>
          ))}
        </tr>
      </THead>
      <TBody>
        {runs.map((run) => (
          <tr key={run.key} className="align-top">
            <Td>
              <div>{formatDateTime(run.startedAt)}</div>
              <Badge tone={run.failed ? "danger" : "neutral"}>{run.trigger}</Badge>
              {run.errors.length > 0 && (
                <ul className="mt-2 space-y-1 text-xs text-red-700" aria-label="Failed products">
                  {run.errors.map((error, index) => (
                    <li key={`${error.odooId}-${index}`}>
                      <span className="font-mono">{error.sku ?? `Odoo product ${error.odooId ?? "?"}`}</span>{" "}
                      {error.sku ? error.error.replace(`${error.sku}: `, "") : error.error}
                    </li>
                  ))}
                </ul>
              )}
            </Td>
            {COLUMNS.map((column) => (
              <Td key={column} className="text-right tabular-nums">
                {run[column]}
              </Td>
            ))}
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
