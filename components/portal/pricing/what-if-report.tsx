"use client";

import { useState } from "react";
import { WhatIfChart } from "@/components/portal/pricing/what-if-chart";
import { WhatIfTable } from "@/components/portal/pricing/what-if-table";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import type { TFieldErrors } from "@/lib/errors";
import { parsePercent } from "@/lib/pricing/units";
import { runWhatIfAction } from "@/server/actions/pricing-rules";
import type { TWhatIfReport } from "@/server/pricing/run-version-what-if";

/** Runs this version over every SKU × organisation × quantity against the live version. */
export function WhatIfReport({
  versionId,
  currency,
  linesPerQuantity,
}: {
  versionId: string;
  currency: string;
  linesPerQuantity: number;
}) {
  const [quantities, setQuantities] = useState("1, 10, 50");
  const [threshold, setThreshold] = useState("5");
  const [report, setReport] = useState<TWhatIfReport | null>(null);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [running, setRunning] = useState(false);
  const parsedQuantities = quantities
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number);
  const lineEstimate = (count: number) => count * linesPerQuantity;

  async function runReport() {
    const thresholdBps = parsePercent(threshold);
    const problems: TFieldErrors = {};
    if (!parsedQuantities.length || parsedQuantities.some((value) => !Number.isInteger(value) || value < 1))
      problems.quantities = ["Enter whole quantities separated by commas, e.g. 1, 10, 50."];
    if (thresholdBps === null) problems.thresholdBps = ["Enter a percentage, e.g. 5."];
    if (Object.keys(problems).length) return setErrors(problems);
    setErrors({});
    setRunning(true);
    const result = await runWhatIfAction({ versionId, quantities: parsedQuantities, thresholdBps });
    setRunning(false);
    if (result.ok) setReport(result.data);
    else if (result.fieldErrors) setErrors(result.fieldErrors);
    else toast.error(result.message);
  }

  const stat = (label: string, value: number, tone = "text-slate-900") => (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <p className="text-xs uppercase tracking-wide text-slate-500">{label}</p>
      <p className={`text-2xl font-semibold tabular-nums ${tone}`}>{value.toLocaleString("en")}</p>
    </div>
  );

  return (
    <div className="space-y-6">
      <Card className="flex flex-wrap items-end gap-4 p-5">
        <div className="w-64">
          <FormField
            id="whatif-quantities"
            label="Quantities"
            hint="Each line is priced at each quantity."
            errors={errors.quantities}
          >
            <Input value={quantities} onChange={(event) => setQuantities(event.target.value)} />
          </FormField>
        </div>
        <div className="w-40">
          <FormField id="whatif-threshold" label="Highlight changes from (%)" errors={errors.thresholdBps}>
            <Input value={threshold} inputMode="decimal" onChange={(event) => setThreshold(event.target.value)} />
          </FormField>
        </div>
        <Button onClick={() => void runReport()} isLoading={running}>
          Run what-if
        </Button>
        <p className="text-sm text-slate-600" role="status">
          {running
            ? `Pricing ${lineEstimate(parsedQuantities.length).toLocaleString("en")} lines twice…`
            : report
              ? `${report.summary.lines.toLocaleString("en")} lines priced in ${report.durationMs} ms, against ${report.liveVersion ? `live version ${report.liveVersion}` : "no live version"}.`
              : `${lineEstimate(parsedQuantities.length).toLocaleString("en")} lines: every SKU (default configuration) × organisation × quantity.`}
        </p>
      </Card>
      {report && (
        <>
          <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6" data-testid="whatif-summary">
            {stat("Lines", report.summary.lines)}
            {stat("Changed", report.summary.changed)}
            {stat("Price up", report.summary.increased, "text-amber-700")}
            {stat("Price down", report.summary.decreased, "text-sky-700")}
            {stat("Highlighted", report.summary.flagged, "text-red-700")}
            {stat("Losing a price", report.summary.losingPrice, "text-red-700")}
          </div>
          <Card className="p-5">
            <h2 className="mb-3 font-semibold">Average change per organisation</h2>
            <WhatIfChart summaries={report.byOrganisation} names={report.organisations} />
          </Card>
          <WhatIfTable report={report} currency={currency} />
        </>
      )}
    </div>
  );
}
