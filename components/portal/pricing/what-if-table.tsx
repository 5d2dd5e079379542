"use client";

import { useTable } from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { pricingTableFeatures, type TPricingColumn } from "@/components/portal/pricing/rule-table-features";
import { cn } from "@/lib/cn";
import { formatMoney } from "@/lib/pricing/units";
import type { TWhatIfRow } from "@/lib/pricing/what-if";
import type { TWhatIfReport } from "@/server/pricing/run-version-what-if";

type TColumn = TPricingColumn<TWhatIfRow>;

/** The what-if lines, largest changes first; sortable by any column. */
export function WhatIfTable({ report, currency }: { report: TWhatIfReport; currency: string }) {
  const [onlyFlagged, setOnlyFlagged] = useState(report.summary.flagged > 0);
  const money = (minor: number | null) => (minor === null ? "no price" : formatMoney(minor, currency));
  const columns = useMemo(
    (): TColumn[] => [
      {
        id: "product",
        header: "Product",
        accessorFn: (row) => row.productTitle,
        sortFn: "alphanumeric",
        cell: ({ row }) => (
          <span>
            {row.original.productTitle}
            <span className="block font-mono text-xs text-slate-500">{row.original.sku}</span>
          </span>
        ),
      },
      {
        id: "organisation",
        header: "Organisation",
        accessorFn: (row) => report.organisations[row.organisationId] ?? "",
        sortFn: "alphanumeric",
      },
      { id: "quantity", header: "Qty", accessorFn: (row) => row.quantity, sortFn: "basic" },
      {
        id: "live",
        header: "Live",
        accessorFn: (row) => row.live ?? -1,
        sortFn: "basic",
        cell: ({ row }) => money(row.original.live),
      },
      {
        id: "draft",
        header: "This version",
        accessorFn: (row) => row.draft ?? -1,
        sortFn: "basic",
        cell: ({ row }) => money(row.original.draft),
      },
      {
        id: "delta",
        header: "Change",
        accessorFn: (row) => row.delta ?? 0,
        sortFn: "basic",
        cell: ({ row }) =>
          row.original.delta === null
            ? "—"
            : `${row.original.delta > 0 ? "+" : row.original.delta < 0 ? "−" : ""}${formatMoney(Math.abs(row.original.delta), currency)}`,
      },
      {
        id: "deltaBps",
        header: "Change %",
        accessorFn: (row) => row.deltaBps ?? 0,
        sortFn: "basic",
        cell: ({ row }) =>
          row.original.deltaBps === null
            ? "—"
            : `${row.original.deltaBps > 0 ? "+" : ""}${(row.original.deltaBps / 100).toFixed(2)} %`,
      },
    ],
    [report.organisations, currency],
  );
  const data = useMemo(
    () => (onlyFlagged ? report.rows.filter((row) => row.flagged) : report.rows),
    [report.rows, onlyFlagged],
  );
  const table = useTable({ features: pricingTableFeatures, columns, data });

  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-4">
        <h2 className="font-semibold">
          Lines{" "}
          {report.rowsOmitted > 0 && (
            <span className="text-sm font-normal text-slate-500">
              (the {report.rows.length.toLocaleString("en")} largest changes of{" "}
              {report.summary.lines.toLocaleString("en")})
            </span>
          )}
        </h2>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={onlyFlagged} onChange={(event) => setOnlyFlagged(event.target.checked)} />{" "}
          Only highlighted changes
        </label>
      </div>
      <div className="max-h-[36rem] overflow-auto rounded-lg border border-slate-200 bg-white shadow-xs">
        <table className="w-full text-left text-sm" data-testid="whatif-table">
          <thead className="sticky top-0 border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} className="px-3 py-2.5 font-medium">
                    <button
                      type="button"
                      className="inline-flex items-center gap-1 uppercase hover:text-slate-800"
                      onClick={header.column.getToggleSortingHandler()}
                    >
                      <table.FlexRender header={header} />
                      <span aria-hidden>
                        {header.column.getIsSorted() === "asc"
                          ? "▲"
                          : header.column.getIsSorted() === "desc"
                            ? "▼"
                            : ""}
                      </span>
                    </button>
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                className={cn(row.original.flagged && "bg-amber-50/70")}
                data-flagged={row.original.flagged || undefined}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-2 tabular-nums text-slate-700">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))}
            {data.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="px-3 py-8 text-center text-slate-500">
                  No line changes by the highlight threshold or more.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
