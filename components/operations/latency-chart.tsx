"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const SYSTEMS = [
  { key: "database", label: "Database", color: "#0f766e" },
  { key: "medusa", label: "Medusa", color: "#7c3aed" },
  { key: "odoo", label: "Odoo", color: "#c2410c" },
];

const minuteLabel = (iso: string) => iso.slice(11, 16);

/** Health-check latency per system over the last hour (a gap where the system was down). */
export function LatencyChart({ data }: { data: Record<string, number | string>[] }) {
  return (
    <figure className="space-y-2" aria-label="Latency, last hour">
      <figcaption className="flex items-baseline justify-between text-sm">
        <span className="font-medium text-slate-800">Health-check latency</span>
        <span className="text-slate-500">ms, one check a minute · gaps: down</span>
      </figcaption>
      <div className="h-48">
        {data.length === 0 ? (
          <p className="flex h-full items-center justify-center rounded-lg border border-dashed border-slate-300 text-sm text-slate-500">
            No health samples yet: the worker records one every minute.
          </p>
        ) : (
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
              <XAxis dataKey="minute" tickFormatter={minuteLabel} minTickGap={40} tick={{ fontSize: 11 }} />
              <YAxis tick={{ fontSize: 11 }} unit="" />
              <Tooltip
                labelFormatter={(label) => `${minuteLabel(String(label))} UTC`}
                formatter={(value) => `${value} ms`}
              />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {SYSTEMS.map((system) => (
                <Line
                  key={system.key}
                  type="monotone"
                  dataKey={system.key}
                  name={system.label}
                  stroke={system.color}
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        )}
      </div>
    </figure>
  );
}
