"use client";

import { useState } from "react";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toaster";
import type { TCsvRowError } from "@/lib/pricing/csv";
import { RULE_KIND_LABELS } from "@/lib/pricing/describe-rule";
import type { TRuleKind } from "@/lib/pricing/rules";
import { importRulesAction } from "@/server/actions/pricing-rules";

/** Uploads a CSV of one rule kind; shows every row error, or what changed. */
export function CsvImport({ versionId, kind }: { versionId: string; kind: TRuleKind }) {
  const { run, isPending } = useActionRunner();
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<"merge" | "replace">("merge");
  const [rowErrors, setRowErrors] = useState<TCsvRowError[]>([]);
  const close = () => {
    setOpen(false);
    setRowErrors([]);
    setFile(null);
  };

  async function upload() {
    if (!file) return;
    const text = await file.text();
    run(() => importRulesAction({ versionId, kind, mode, text }), {
      onSuccess: (outcome) => {
        if (!outcome.applied) return setRowErrors(outcome.errors);
        close();
        toast.success(
          `Imported ${outcome.rows} rows: ${outcome.added} added, ${outcome.changed} changed, ${outcome.removed} removed.`,
        );
      },
    });
  }

  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Import CSV
      </Button>
      <Dialog
        open={open}
        onClose={close}
        wide
        title={`Import ${RULE_KIND_LABELS[kind].many.toLowerCase()}`}
        description="Every row is checked first: if any row is wrong, nothing is imported. Amounts in currency units (890.00), percentages as 10 or 12.5, organisations by name, dates as 2026-12-01 (UTC)."
      >
        <input
          type="file"
          accept=".csv,text/csv"
          aria-label="CSV file"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          className="block text-sm"
        />
        <fieldset className="flex gap-6 text-sm">
          <legend className="sr-only">Import mode</legend>
          <label className="flex items-center gap-2">
            <input type="radio" checked={mode === "merge"} onChange={() => setMode("merge")} /> Update by id and add new
            rows
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" checked={mode === "replace"} onChange={() => setMode("replace")} /> Replace all{" "}
            {RULE_KIND_LABELS[kind].many.toLowerCase()}
          </label>
        </fieldset>
        {rowErrors.length > 0 && (
          <div className="max-h-64 overflow-auto rounded-md border border-red-200" role="alert">
            <p className="bg-red-50 px-3 py-2 text-sm font-medium text-red-800">
              Nothing was imported: {rowErrors.length} problem{rowErrors.length === 1 ? "" : "s"}.
            </p>
            <table className="w-full text-left text-sm" data-testid="import-errors">
              <thead className="text-xs uppercase text-slate-500">
                <tr>
                  <th className="px-3 py-1">Row</th>
                  <th className="px-3 py-1">Column</th>
                  <th className="px-3 py-1">Problem</th>
                </tr>
              </thead>
              <tbody>
                {rowErrors.map((error, index) => (
                  <tr key={index} className="border-t border-red-100">
                    <td className="px-3 py-1 tabular-nums">{error.row}</td>
                    <td className="px-3 py-1 font-mono text-xs">{error.column ?? "—"}</td>
                    <td className="px-3 py-1">{error.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button disabled={!file} isLoading={isPending} onClick={() => void upload()}>
            Check and import
          </Button>
        </div>
      </Dialog>
    </>
  );
}
