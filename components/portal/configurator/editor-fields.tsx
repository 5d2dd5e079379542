"use client";

import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

// Small labelled inputs for the model editor, each showing the errors found at its path.

export type TPathErrors = Record<string, string[]>;

export function Field({
  label,
  path,
  errors,
  children,
  className,
}: {
  label: string;
  path: string;
  errors: TPathErrors;
  children: ReactNode;
  className?: string;
}) {
  const messages = errors[path];

  return (
    <label className={cn("block space-y-1 text-xs font-medium text-slate-600", className)}>
      {label}
      {children}
      {messages?.length ? (
        <span className="block text-xs font-normal text-red-600" role="alert">
          {messages.join(" ")}
        </span>
      ) : null}
    </label>
  );
}

const inputClass = "block h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm text-slate-900";

export function TextInput({
  value,
  onChange,
  ...props
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  "aria-label"?: string;
}) {
  return <input className={inputClass} value={value} onChange={(event) => onChange(event.target.value)} {...props} />;
}

export function NumberInput({
  value,
  onChange,
  ...props
}: {
  value: number | null;
  onChange: (value: number | null) => void;
  placeholder?: string;
  "aria-label"?: string;
}) {
  return (
    <input
      className={inputClass}
      type="number"
      value={value === null || Number.isNaN(value) ? "" : value}
      onChange={(event) => onChange(event.target.value === "" ? null : Number(event.target.value))}
      {...props}
    />
  );
}

export function SelectInput({
  value,
  onChange,
  options,
  ...props
}: {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  "aria-label"?: string;
}) {
  return (
    <select className={inputClass} value={value} onChange={(event) => onChange(event.target.value)} {...props}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
