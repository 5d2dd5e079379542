"use client";

import { useState } from "react";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import type { TFinding } from "@/lib/pricing/conflicts";
import { acknowledgeWarningsAction } from "@/server/actions/pricing-rules";

type TProps = {
  versionId: string;
  findings: TFinding[];
  acknowledged: string[];
  editable: boolean;
  catalogueAvailable: boolean;
  onShowRules: (ruleIds: string[]) => void;
};

/** What the conflict detector says about this version, re-run on every change. */
export function ConflictsPanel({
  versionId,
  findings,
  acknowledged,
  editable,
  catalogueAvailable,
  onShowRules,
}: TProps) {
  const { run, isPending } = useActionRunner();
  const [chosen, setChosen] = useState<string[]>([]);
  const errors = findings.filter((item) => item.severity === "error");
  const open = findings.filter((item) => item.severity === "warning" && !acknowledged.includes(item.key));
  const accepted = findings.filter((item) => item.severity === "warning" && acknowledged.includes(item.key));

  const item = (finding: TFinding, control?: React.ReactNode) => (
    <li key={finding.key} className="flex gap-2 py-2" data-testid="finding" data-code={finding.code}>
      {control}
      <span
        className={cn(
          "mt-1.5 size-2 shrink-0 rounded-full",
          finding.severity === "error" ? "bg-red-500" : "bg-amber-400",
        )}
        aria-hidden
      />
      <div className="space-y-1 text-sm">
        <p className="text-slate-800">{finding.message}</p>
        {finding.ruleIds.length > 0 && (
          <button
            type="button"
            className="text-xs font-medium text-brand-700 hover:underline"
            onClick={() => onShowRules(finding.ruleIds)}
          >
            Show {finding.ruleIds.join(", ")}
          </button>
        )}
      </div>
    </li>
  );

  return (
    <Card className="space-y-3 p-4" aria-label="Checks">
      <div className="flex items-center justify-between">
        <h2 className="font-semibold">Checks</h2>
        <span className="text-xs text-slate-500">
          {errors.length} error{errors.length === 1 ? "" : "s"} · {open.length} warning{open.length === 1 ? "" : "s"}
        </span>
      </div>
      {!catalogueAvailable && (
        <p className="rounded-md bg-amber-50 p-2 text-sm text-amber-800">
          The catalogue cannot be reached: product checks are paused, and publishing waits until they can run.
        </p>
      )}
      {findings.length === 0 && catalogueAvailable && (
        <p className="rounded-md bg-emerald-50 p-2 text-sm text-emerald-800">
          No conflicts: every product has a price and no rules contradict each other.
        </p>
      )}
      {errors.length > 0 && (
        <section>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-red-700">Errors – must be fixed</h3>
          <ul className="divide-y divide-slate-100">{errors.map((finding) => item(finding))}</ul>
        </section>
      )}
      {open.length > 0 && (
        <section>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-amber-700">
            Warnings – fix or acknowledge
          </h3>
          <ul className="divide-y divide-slate-100">
            {open.map((finding) =>
              item(
                finding,
                editable && (
                  <input
                    type="checkbox"
                    className="mt-1"
                    aria-label={`Acknowledge: ${finding.message}`}
                    checked={chosen.includes(finding.key)}
                    onChange={(event) =>
                      setChosen(
                        event.target.checked ? [...chosen, finding.key] : chosen.filter((key) => key !== finding.key),
                      )
                    }
                  />
                ),
              ),
            )}
          </ul>
          {editable && (
            <Button
              size="sm"
              variant="secondary"
              disabled={!chosen.length}
              isLoading={isPending}
              onClick={() =>
                run(() => acknowledgeWarningsAction({ versionId, keys: chosen }), {
                  success: "Acknowledged.",
                  onSuccess: () => setChosen([]),
                })
              }
            >
              Acknowledge {chosen.length || ""} selected
            </Button>
          )}
        </section>
      )}
      {accepted.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-600">
            {accepted.length} acknowledged warning{accepted.length === 1 ? "" : "s"}
          </summary>
          <ul className="divide-y divide-slate-100">{accepted.map((finding) => item(finding))}</ul>
        </details>
      )}
    </Card>
  );
}
