"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type TChartSeries = { key: string; label: string; color: string };

const minuteLabel = (iso: string) => iso.slice(11, 16);

/** Counts per minute over the last hour, stacked by outcome (jobs, webhook deliveries). */
export function MinuteChart({
  data,
  series,
  title,
}: {
  data: Record<string, number | string>[];
  series: TChartSeries[];
  title: string;
}) {
  const total = data.reduce((sum, point) => sum + series.reduce((s, item) => s + Number(point[item.key] ?? 0), 0), 0);

  return (
    <figure className="space-y-2" aria-label={title}>
      <figcaption className="flex items-baseline justify-between text-sm">
        <span className="font-medium text-slate-800">{title}</span>
        <span className="text-slate-500">{total} in the last hour · UTC</span>
      </figcaption>
      <div className="h-48">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="minute" tickFormatter={minuteLabel} interval={9} tick={{ fontSize: 11 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
            <Tooltip labelFormatter={(label) => `${minuteLabel(String(label))} UTC`} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((item) => (
              <Bar
                key={item.key}
                dataKey={item.key}
                name={item.label}
                stackId="a"
                fill={item.color}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
