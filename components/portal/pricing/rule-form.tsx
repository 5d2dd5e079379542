"use client";

import { useState } from "react";
import { RuleKindFields, type TEditorCatalog } from "@/components/portal/pricing/rule-kind-fields";
import { useActionRunner } from "@/components/shared/use-action-runner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { TFieldErrors } from "@/lib/errors";
import { RULE_KIND_LABELS } from "@/lib/pricing/describe-rule";
import { emptyRuleForm, formToRuleInput, ruleToForm, toFormErrors, type TRuleForm } from "@/lib/pricing/rule-form";
import type { TPricingRule, TRuleKind } from "@/lib/pricing/rules";
import { saveRuleAction } from "@/server/actions/pricing-rules";

type TProps = {
  versionId: string;
  kind: TRuleKind;
  before: TPricingRule | null;
  currency: string;
  catalog: TEditorCatalog;
  onDone: () => void;
};

/** Adds or edits one rule in place; checks it as the server will before sending it. */
export function RuleForm({ versionId, kind, before, currency, catalog, onDone }: TProps) {
  const { run, isPending } = useActionRunner();
  const [form, setForm] = useState<TRuleForm>(() => (before ? ruleToForm(before, currency) : emptyRuleForm(kind)));
  const [errors, setErrors] = useState<TFieldErrors>({});
  const idPrefix = `rule-${before?.id ?? "new"}`;
  const set = (field: string, value: string | boolean) => {
    setForm((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: [] }));
  };
  const common = (name: string, label: string, props: Record<string, unknown> = {}, hint?: string) => (
    <FormField id={`${idPrefix}-${name}`} label={label} hint={hint} errors={errors[name]}>
      <Input value={String(form[name] ?? "")} onChange={(event) => set(name, event.target.value)} {...props} />
    </FormField>
  );

  function save() {
    const checked = formToRuleInput(form, currency, before?.id);
    if (!checked.ok) return setErrors(checked.fieldErrors);
    run(() => saveRuleAction({ versionId, rule: checked.input, before }), {
      success: (data) => (before ? `${data.ruleId} saved.` : `${data.ruleId} added.`),
      onSuccess: onDone,
      onFailure: (result) =>
        result.fieldErrors ? setErrors(toFormErrors(result.fieldErrors)) : setErrors({ _form: [result.message] }),
    });
  }

  return (
    <form
      className="space-y-4 rounded-lg border border-brand-100 bg-brand-50/40 p-4"
      aria-label={before ? `Edit ${before.id}` : `New ${RULE_KIND_LABELS[kind].one}`}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <p className="text-sm font-semibold text-slate-800">
        {before ? `Edit ${before.id}` : `New ${RULE_KIND_LABELS[kind].one}`}
      </p>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <RuleKindFields
          form={form}
          set={set}
          errors={errors}
          catalog={catalog}
          currency={currency}
          idPrefix={idPrefix}
        />
        {common("priority", "Priority", { inputMode: "numeric" }, "Higher wins")}
        {common("validFrom", "Valid from (UTC)", { type: "datetime-local" })}
        {common("validTo", "Valid until (UTC)", { type: "datetime-local" })}
        {common("note", "Note", { placeholder: "Shown in price explanations" })}
      </div>
      <datalist id={`${idPrefix}-skus`}>
        {catalog.products.flatMap((product) =>
          product.skus.map((sku) => (
            <option key={sku} value={sku}>
              {product.title}
            </option>
          )),
        )}
      </datalist>
      <datalist id={`${idPrefix}-products`}>
        {catalog.products.map((product) => (
          <option key={product.handle} value={product.handle}>
            {product.title}
          </option>
        ))}
      </datalist>
      <datalist id={`${idPrefix}-categories`}>
        {[...new Set(catalog.products.flatMap((product) => product.categories))].map((category) => (
          <option key={category} value={category} />
        ))}
      </datalist>
      {errors._form?.length ? (
        <p className="text-sm text-red-600" role="alert">
          {errors._form.join(" ")}
        </p>
      ) : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" isLoading={isPending}>
          {before ? "Save rule" : "Add rule"}
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
