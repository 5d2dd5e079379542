"use client";

import { useEffect, useMemo, useState } from "react";
import { ConfigurationFields } from "@/components/portal/pricing/configuration-fields";
import { PriceResultCard } from "@/components/portal/pricing/price-result-card";
import type { TEditorCatalog } from "@/components/portal/pricing/rule-kind-fields";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { TFieldErrors } from "@/lib/errors";
import { defaultConfiguration, skuFromOptions } from "@/lib/pricing/catalog";
import type { TConfiguration } from "@/lib/pricing/types";
import { formatMoney } from "@/lib/pricing/units";
import { simulatePriceAction } from "@/server/actions/pricing-rules";
import type { TSimulation } from "@/server/pricing/simulate-price";

const nowInput = () => new Date().toISOString().slice(0, 16);

/** Prices one configured line under this version and the live one, re-run as the inputs change. */
export function Simulator({
  versionId,
  versionNumber,
  currency,
  catalog,
}: {
  versionId: string;
  versionNumber: number;
  currency: string;
  catalog: TEditorCatalog;
}) {
  const [productHandle, setProductHandle] = useState(catalog.products[0]?.handle ?? "");
  const product = catalog.products.find((item) => item.handle === productHandle);
  const [chosenSku, setSku] = useState(product?.skus[0] ?? "");
  const [configuration, setConfiguration] = useState<TConfiguration>(() =>
    defaultConfiguration(product?.options ?? []),
  );
  const [organisationId, setOrganisationId] = useState(catalog.organisations[0]?.id ?? "");
  const [quantity, setQuantity] = useState("1");
  const [at, setAt] = useState(nowInput);
  // When an option selects the variant (the table's top), the configuration decides the SKU.
  const selectedSku = skuFromOptions(product?.options ?? [], configuration);
  const sku = selectedSku ?? chosenSku;
  const [simulation, setSimulation] = useState<TSimulation | null>(null);
  const [errors, setErrors] = useState<TFieldErrors>({});
  const [isLoading, setIsLoading] = useState(false);
  const request = useMemo(
    () => ({
      versionId,
      product: productHandle,
      sku,
      configuration,
      organisationId,
      quantity: Number(quantity),
      at: `${at}:00Z`,
    }),
    [versionId, productHandle, sku, configuration, organisationId, quantity, at],
  );

  useEffect(() => {
    let current = true;
    setIsLoading(true);
    const timer = setTimeout(async () => {
      const result = await simulatePriceAction(request);
      if (!current) return; // a newer request was made: the last one wins
      setIsLoading(false);
      if (result.ok) {
        setSimulation(result.data);
        setErrors({});
      } else setErrors(result.fieldErrors ?? { _form: [result.message] });
    }, 250);

    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [request]);

  function chooseProduct(handle: string) {
    const next = catalog.products.find((item) => item.handle === handle);
    setProductHandle(handle);
    setSku(next?.skus[0] ?? "");
    setConfiguration(defaultConfiguration(next?.options ?? []));
  }

  const draft = simulation?.version.result;
  const live = simulation?.live?.result;
  const delta = draft?.ok && live?.ok ? draft.unitPrice - live.unitPrice : null;

  return (
    <div className="grid gap-6 lg:grid-cols-[20rem_minmax(0,1fr)]">
      <form
        className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-xs"
        aria-label="Line to price"
        onSubmit={(event) => event.preventDefault()}
      >
        <FormField id="sim-product" label="Product" errors={errors.product}>
          <Select value={productHandle} onChange={(event) => chooseProduct(event.target.value)}>
            {catalog.products.map((item) => (
              <option key={item.handle} value={item.handle}>
                {item.title ?? item.handle}
              </option>
            ))}
          </Select>
        </FormField>
        {selectedSku ? (
          <p className="text-sm text-slate-600">
            Variant{" "}
            <span className="font-mono text-slate-900" data-testid="sim-sku">
              {selectedSku}
            </span>
            , chosen by the configuration.
          </p>
        ) : (
          <FormField id="sim-sku" label="Variant (SKU)" errors={errors.sku}>
            <Select value={sku} onChange={(event) => setSku(event.target.value)}>
              {product?.skus.map((item) => (
                <option key={item} value={item}>
                  {item}
                </option>
              ))}
            </Select>
          </FormField>
        )}
        <ConfigurationFields
          options={product?.options ?? []}
          configuration={configuration}
          onChange={setConfiguration}
        />
        <FormField id="sim-organisation" label="Organisation" errors={errors.organisationId}>
          <Select value={organisationId} onChange={(event) => setOrganisationId(event.target.value)}>
            {catalog.organisations.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="sim-quantity" label="Quantity" errors={errors.quantity}>
          <Input type="number" min={1} value={quantity} onChange={(event) => setQuantity(event.target.value)} />
        </FormField>
        <FormField id="sim-at" label="Priced on (UTC)" hint="Rules valid at this moment apply." errors={errors.at}>
          <Input type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} />
        </FormField>
        {errors._form && (
          <p className="text-sm text-red-600" role="alert">
            {errors._form.join(" ")}
          </p>
        )}
      </form>
      <div className="space-y-4" aria-busy={isLoading}>
        <div className="flex min-h-8 items-center gap-3 text-sm text-slate-600" role="status">
          {isLoading ? (
            "Pricing…"
          ) : delta === null ? (
            ""
          ) : delta === 0 ? (
            "Same price as the live version."
          ) : (
            <span className={delta > 0 ? "text-amber-800" : "text-emerald-700"}>
              {delta > 0 ? "+" : "−"}
              {formatMoney(Math.abs(delta), currency)} per unit against the live version.
            </span>
          )}
        </div>
        <div className="grid gap-4 xl:grid-cols-2">
          <PriceResultCard
            title={`This version (${versionNumber})`}
            result={draft ?? null}
            currency={currency}
            testId="simulation-version"
            highlight
          />
          <PriceResultCard
            title={simulation?.live ? `Live (version ${simulation.live.number})` : "Live"}
            result={live ?? null}
            currency={currency}
            testId="simulation-live"
          />
        </div>
      </div>
    </div>
  );
}
