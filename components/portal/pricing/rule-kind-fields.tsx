"use client";

import type { ReactElement } from "react";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { TFieldErrors } from "@/lib/errors";
import type { TProductFact } from "@/lib/pricing/catalog";
import type { TRuleForm } from "@/lib/pricing/rule-form";

export type TEditorCatalog = { products: TProductFact[]; organisations: { id: string; name: string }[] };

type TFieldsProps = {
  form: TRuleForm;
  set: (field: string, value: string | boolean) => void;
  errors: TFieldErrors;
  catalog: TEditorCatalog;
  currency: string;
  idPrefix: string;
};

/** The inputs specific to one rule kind (the common ones are in RuleForm). */
export function RuleKindFields(props: TFieldsProps) {
  const { form, set, errors, catalog, currency, idPrefix } = props;
  const value = (field: string) => String(form[field] ?? "");
  const field = (name: string, label: string, control: ReactElement<{ id?: string }>, hint?: string) => (
    <FormField key={name} id={`${idPrefix}-${name}`} label={label} hint={hint} errors={errors[name]}>
      {control}
    </FormField>
  );
  const textInput = (name: string, extra: Record<string, unknown> = {}) => (
    <Input value={value(name)} onChange={(event) => set(name, event.target.value)} {...extra} />
  );
  const amount = (label: string) =>
    field("amount", `${label} (${currency})`, textInput("amount", { inputMode: "decimal", placeholder: "0.00" }));
  const percent = (label: string) =>
    field("percent", `${label} (%)`, textInput("percent", { inputMode: "decimal", placeholder: "10" }));
  const skuField = field("sku", "SKU", textInput("sku", { list: `${idPrefix}-skus`, placeholder: "TBL-ATELIER-OAK" }));
  const organisationField = (allowEveryone: boolean) =>
    field(
      "organisationId",
      "Organisation",
      <Select value={value("organisationId")} onChange={(event) => set("organisationId", event.target.value)}>
        <option value="">{allowEveryone ? "Everyone" : "Choose…"}</option>
        {catalog.organisations.map((organisation) => (
          <option key={organisation.id} value={organisation.id}>
            {organisation.name}
          </option>
        ))}
      </Select>,
    );
  const productSelect = (allowAll: boolean) => (
    <Select value={value("product")} onChange={(event) => set("product", event.target.value)}>
      <option value="">{allowAll ? "All products" : "Choose…"}</option>
      {catalog.products.map((product) => (
        <option key={product.handle} value={product.handle}>
          {product.title ?? product.handle}
        </option>
      ))}
    </Select>
  );
  const product = catalog.products.find((item) => item.handle === value("product"));
  const option = product?.options.find((item) => item.code === value("option"));

  switch (form.kind) {
    case "base_price":
      return (
        <>
          {skuField}
          {amount("Price")}
        </>
      );
    case "contract_price":
      return (
        <>
          {organisationField(false)}
          {skuField}
          {amount("Contract price")}
        </>
      );
    case "org_discount":
      return (
        <>
          {organisationField(false)}
          {field(
            "scopeType",
            "Applies to",
            <Select value={value("scopeType")} onChange={(event) => set("scopeType", event.target.value)}>
              <option value="all">All products</option>
              <option value="product">One product</option>
              <option value="category">One category</option>
            </Select>,
          )}
          {value("scopeType") !== "all" &&
            field(
              "scopeValue",
              value("scopeType") === "product" ? "Product" : "Category",
              textInput("scopeValue", {
                list: `${idPrefix}-${value("scopeType") === "product" ? "products" : "categories"}`,
              }),
            )}
          {percent("Discount")}
          <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={form.exclusive === true}
              onChange={(event) => set("exclusive", event.target.checked)}
            />{" "}
            Exclusive (never combined)
          </label>
        </>
      );
    case "surcharge":
      return (
        <>
          {field("product", "Product", productSelect(false))}
          {field(
            "option",
            "Option",
            textInput("option", { list: `${idPrefix}-options` }),
            option
              ? `${option.kind}${option.kind === "number" && option.unit ? `, in ${option.unit}` : ""}`
              : undefined,
          )}
          {(!option || option.kind === "choice" || option.kind === "multi") &&
            field("value", "Value", textInput("value", { list: `${idPrefix}-values`, placeholder: "any" }))}
          {field(
            "mode",
            "Charged as",
            <Select value={value("mode")} onChange={(event) => set("mode", event.target.value)}>
              <option value="fixed">Fixed amount</option>
              <option value="percent">% of base price</option>
              <option value="per_unit">Per step of a number</option>
            </Select>,
          )}
          {value("mode") === "percent"
            ? percent("Surcharge")
            : amount(value("mode") === "per_unit" ? "Amount per step" : "Surcharge")}
          {value("mode") === "per_unit" && field("step", "Step size", textInput("step", { inputMode: "numeric" }))}
          {value("mode") === "per_unit" && field("from", "Charged above", textInput("from", { inputMode: "numeric" }))}
          <datalist id={`${idPrefix}-options`}>
            {product?.options.map((item) => (
              <option key={item.code} value={item.code}>
                {item.label ?? item.code}
              </option>
            ))}
          </datalist>
          <datalist id={`${idPrefix}-values`}>
            {option && "values" in option && option.values.map((item) => <option key={item} value={item} />)}
          </datalist>
        </>
      );
    case "tier":
      return (
        <>
          {field("product", "Product", productSelect(true))}
          {organisationField(true)}
          {field("minQuantity", "From quantity", textInput("minQuantity", { inputMode: "numeric" }))}
          {field(
            "maxQuantity",
            "To quantity",
            textInput("maxQuantity", { inputMode: "numeric", placeholder: "no limit" }),
          )}
          {field(
            "mode",
            "Tier gives",
            <Select value={value("mode")} onChange={(event) => set("mode", event.target.value)}>
              <option value="percent">A % discount</option>
              <option value="unit_price">A unit price</option>
            </Select>,
          )}
          {value("mode") === "percent" ? percent("Discount") : amount("Unit price")}
        </>
      );
    default:
      return null;
  }
}
