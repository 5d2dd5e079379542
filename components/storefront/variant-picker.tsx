"use client";

import { Choice } from "@/components/shared/choice";

export type TVariantChoice = { sku: string; title: string };

/** For a standard product sold in several variants (sizes, colours): which one to price and order. */
export function VariantPicker({
  variants,
  sku,
  error,
  onChange,
}: {
  variants: TVariantChoice[];
  sku: string;
  error?: string[];
  onChange: (sku: string) => void;
}) {
  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-5" aria-label="Choose a variant">
      <fieldset className="space-y-2" role="radiogroup" aria-label="Variant">
        <legend className="text-sm font-medium text-slate-800">Variant</legend>
        <div className="flex flex-wrap gap-2">
          {variants.map((variant) => (
            <Choice
              key={variant.sku}
              selected={variant.sku === sku}
              possible
              reason={null}
              label={variant.title}
              onSelect={() => onChange(variant.sku)}
              testId={`variant-${variant.sku}`}
            />
          ))}
        </div>
        <p className="font-mono text-xs text-slate-500">{sku}</p>
        {error?.map((message) => (
          <p key={message} className="text-sm text-red-600" role="alert">
            {message}
          </p>
        ))}
      </fieldset>
    </section>
  );
}
