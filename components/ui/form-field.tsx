import type { ReactElement } from "react";
import { cloneElement } from "react";

type TControlProps = { id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

/** A label, one control and its field-level errors, wired together for screen readers. */
export function FormField({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: ReactElement<TControlProps>;
}) {
  const hasError = Boolean(errors?.length);
  const describedBy = [hint && `${id}-hint`, hasError && `${id}-error`].filter(Boolean).join(" ") || undefined;

  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {cloneElement(children, { id, "aria-invalid": hasError || undefined, "aria-describedby": describedBy })}
      {hint && !hasError && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {hasError && (
        <p id={`${id}-error`} className="text-sm text-red-600" role="alert">
          {errors?.join(" ")}
        </p>
      )}
    </div>
  );
}
