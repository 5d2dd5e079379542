import type { TWhatIfOrganisationSummary } from "@/lib/pricing/what-if";

const pct = (bps: number) => `${bps > 0 ? "+" : bps < 0 ? "−" : ""}${(Math.abs(bps) / 100).toFixed(1)} %`;

/** Average price change per organisation as horizontal bars around zero, with the range of changes. */
export function WhatIfChart({
  summaries,
  names,
}: {
  summaries: TWhatIfOrganisationSummary[];
  names: Record<string, string>;
}) {
  const rows = [...summaries].sort((a, b) => a.averageDeltaBps - b.averageDeltaBps);
  const extent = Math.max(
    100,
    ...rows.flatMap((row) => [Math.abs(row.largestIncreaseBps), Math.abs(row.largestDecreaseBps)]),
  );
  const rowHeight = 28;
  const labelWidth = 180;
  const width = 640;
  const half = (width - labelWidth - 70) / 2;
  const zero = labelWidth + half;
  const x = (bps: number) => zero + (bps / extent) * half;

  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${width} ${rows.length * rowHeight + 24}`}
        className="w-full max-w-3xl"
        role="img"
        aria-label="Average price change per organisation"
      >
        <line x1={zero} x2={zero} y1={0} y2={rows.length * rowHeight} className="stroke-slate-300" />
        {rows.map((row, index) => {
          const y = index * rowHeight;
          const average = row.averageDeltaBps;

          return (
            <g key={row.organisationId} data-testid="chart-bar">
              <text x={labelWidth - 8} y={y + 18} textAnchor="end" className="fill-slate-700 text-[12px]">
                {(names[row.organisationId] ?? "?").slice(0, 26)}
              </text>
              <line
                x1={x(row.largestDecreaseBps)}
                x2={x(row.largestIncreaseBps)}
                y1={y + 14}
                y2={y + 14}
                className="stroke-slate-300"
                strokeWidth={2}
              />
              <rect
                x={Math.min(zero, x(average))}
                y={y + 6}
                width={Math.max(1, Math.abs(x(average) - zero))}
                height={16}
                rx={3}
                className={average > 0 ? "fill-amber-500" : average < 0 ? "fill-sky-600" : "fill-slate-400"}
              />
              <text x={width - 4} y={y + 18} textAnchor="end" className="fill-slate-900 text-[12px] font-medium">
                {pct(average)}
              </text>
            </g>
          );
        })}
        <text x={x(-extent)} y={rows.length * rowHeight + 16} className="fill-slate-500 text-[11px]">
          {pct(-extent)}
        </text>
        <text x={zero} y={rows.length * rowHeight + 16} textAnchor="middle" className="fill-slate-500 text-[11px]">
          0
        </text>
        <text x={x(extent)} y={rows.length * rowHeight + 16} textAnchor="end" className="fill-slate-500 text-[11px]">
          {pct(extent)}
        </text>
      </svg>
      <figcaption className="text-xs text-slate-500">
        Bars: average change per organisation (amber up, blue down); grey lines: the largest decrease and increase.
      </figcaption>
    </figure>
  );
}
