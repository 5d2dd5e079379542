import type { InputHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

export function Input({ className, "aria-invalid": invalid, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input
      className={cn(
        "h-10 w-full rounded-md border bg-white px-3 text-sm text-slate-900 shadow-xs placeholder:text-slate-400",
        invalid ? "border-red-500 focus-visible:outline-red-500" : "border-slate-300",
        className,
      )}
      aria-invalid={invalid}
      {...props}
    />
  );
}
