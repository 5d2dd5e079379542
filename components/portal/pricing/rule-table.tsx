"use client";

import { useTable } from "@tanstack/react-table";
import { Fragment, useMemo, useState } from "react";
import { BulkEditBar } from "@/components/portal/pricing/bulk-edit-bar";
import { ruleColumns, type TColumnContext } from "@/components/portal/pricing/rule-columns";
import { RuleForm } from "@/components/portal/pricing/rule-form";
import type { TEditorCatalog } from "@/components/portal/pricing/rule-kind-fields";
import { pricingTableFeatures, type TPricingColumn } from "@/components/portal/pricing/rule-table-features";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { RULE_KIND_LABELS } from "@/lib/pricing/describe-rule";
import type { TPricingRule, TRuleKind } from "@/lib/pricing/rules";

type TProps = {
  versionId: string;
  kind: TRuleKind;
  rules: TPricingRule[];
  context: TColumnContext;
  editable: boolean;
  catalog: TEditorCatalog;
  adding: boolean;
  onAddingChange: (adding: boolean) => void;
};

/** One rule kind as a sortable table; in a draft, rows can be selected, edited in place and deleted. */
export function RuleTable({ versionId, kind, rules, context, editable, catalog, adding, onAddingChange }: TProps) {
  const [editingId, setEditingId] = useState<string | null>(null);
  const columns = useMemo(() => {
    const select: TPricingColumn<TPricingRule> = {
      id: "select",
      enableSorting: false,
      header: ({ table }) => (
        <input
          type="checkbox"
          aria-label="Select all rules"
          checked={table.getIsAllRowsSelected()}
          onChange={table.getToggleAllRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <input
          type="checkbox"
          aria-label={`Select ${row.original.id}`}
          checked={row.getIsSelected()}
          onChange={row.getToggleSelectedHandler()}
        />
      ),
    };
    const edit: TPricingColumn<TPricingRule> = {
      id: "edit",
      enableSorting: false,
      header: () => <span className="sr-only">Edit</span>,
      cell: ({ row }) => (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => setEditingId(row.original.id)}
          aria-label={`Edit ${row.original.id}`}
        >
          Edit
        </Button>
      ),
    };

    return editable ? [select, ...ruleColumns(kind, context), edit] : ruleColumns(kind, context);
  }, [kind, context, editable]);
  const table = useTable({
    features: pricingTableFeatures,
    columns,
    data: rules,
    getRowId: (rule) => rule.id,
    enableRowSelection: editable,
  });
  const selected = table.getSelectedRowModel().rows.map((row) => row.original);
  const span = columns.length;

  return (
    <div className="space-y-3">
      {editable && selected.length > 0 && (
        <BulkEditBar versionId={versionId} kind={kind} selected={selected} onDone={() => table.resetRowSelection()} />
      )}
      {adding && (
        <RuleForm
          versionId={versionId}
          kind={kind}
          before={null}
          currency={context.currency}
          catalog={catalog}
          onDone={() => onAddingChange(false)}
        />
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
        <table className="w-full text-left text-sm" data-testid={`rules-${kind}`}>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-500">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();

                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="px-3 py-2.5 font-medium"
                      aria-sort={sorted ? (sorted === "asc" ? "ascending" : "descending") : undefined}
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          className="inline-flex items-center gap-1 uppercase hover:text-slate-800"
                          onClick={header.column.getToggleSortingHandler()}
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden>{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : ""}</span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {table.getRowModel().rows.map((row) => (
              <Fragment key={row.id}>
                <tr
                  data-testid="rule-row"
                  data-rule-id={row.original.id}
                  className={cn(row.getIsSelected() && "bg-brand-50/60")}
                >
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className="px-3 py-2 align-middle text-slate-700">
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
                {editingId === row.original.id && (
                  <tr>
                    <td colSpan={span} className="p-3">
                      <RuleForm
                        versionId={versionId}
                        kind={kind}
                        before={row.original}
                        currency={context.currency}
                        catalog={catalog}
                        onDone={() => setEditingId(null)}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
            {rules.length === 0 && (
              <tr>
                <td colSpan={span} className="px-3 py-8 text-center text-slate-500">
                  No {RULE_KIND_LABELS[kind].many.toLowerCase()} match.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
