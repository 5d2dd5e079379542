import type { SelectHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

export function Select({
  className,
  children,
  "aria-invalid": invalid,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      className={cn(
        "h-10 w-full rounded-md border bg-white px-3 text-sm text-slate-900 shadow-xs",
        invalid ? "border-red-500" : "border-slate-300",
        className,
      )}
      aria-invalid={invalid}
      {...props}
    >
      {children}
    </select>
  );
}
