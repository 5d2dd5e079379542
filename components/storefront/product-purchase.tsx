"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfiguratorForm } from "@/components/shared/configurator-form";
import { useConfigurator } from "@/components/shared/use-configurator";
import { PricePanel } from "@/components/storefront/price-panel";
import { StockAvailability, type TAvailabilityView } from "@/components/storefront/stock-availability";
import { PriceError, useLivePrice } from "@/components/storefront/use-live-price";
import { VariantPicker, type TVariantChoice } from "@/components/storefront/variant-picker";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import type { TModelDefinition } from "@/lib/configurator/model";
import type { TConfiguration } from "@/lib/pricing/types";
import { addToCartAction, replaceCartLineAction } from "@/server/actions/cart";

const EMPTY_MODEL: TModelDefinition = { options: [], constraints: [] };

/** Configure, see the organisation's price as you go, and put it in the cart at that price. */
/** A cart line being changed: the product page starts from it and replaces it. */
export type TEditedLine = {
  cartId: string;
  lineId: string;
  sku: string;
  configuration: TConfiguration;
  quantity: number;
};

export function ProductPurchase({
  handle,
  model,
  variants,
  organisationName,
  editing,
  stock,
}: {
  handle: string;
  model: TModelDefinition | null;
  variants: TVariantChoice[];
  organisationName: string | null;
  editing?: TEditedLine;
  /** Availability per SKU from the ERP cache: the chosen variant's is shown. */
  stock?: Record<string, TAvailabilityView>;
}) {
  const router = useRouter();
  const configurator = useConfigurator(model ?? EMPTY_MODEL, editing?.configuration);
  const configuration = model ? configurator.configuration : {};
  // A standard product in several variants: the buyer picks one (a model picks it otherwise).
  const [chosenSku, setChosenSku] = useState(
    variants.some((variant) => variant.sku === editing?.sku) ? editing!.sku : variants[0]?.sku,
  );
  const sku = !model && variants.length > 1 ? chosenSku : undefined;
  const [quantityText, setQuantityText] = useState(String(editing?.quantity ?? 1));
  const quantity = Number(quantityText);
  const quantityValid = Number.isInteger(quantity) && quantity >= 1 && quantity <= 100_000;
  const configurationValid = !model || configurator.check.ok;
  const price = useLivePrice({
    product: handle,
    configuration,
    quantity,
    sku,
    enabled: quantityValid && configurationValid,
  });
  const queryClient = useQueryClient();
  const [isAdding, startAdding] = useTransition();
  const serverErrors = price.error instanceof PriceError ? price.error.fieldErrors : {};
  const localErrors = !configurator.check.ok ? configurator.check.fieldErrors : {};
  const current = price.current;

  function add() {
    if (!current) return;
    startAdding(async () => {
      const line = { product: handle, configuration, quantity, sku, quoteToken: current.quoteToken };
      const result = editing
        ? await replaceCartLineAction({ ...line, cartId: editing.cartId, lineId: editing.lineId })
        : await addToCartAction(line);
      if (result.ok && editing) {
        toast.success("Cart line updated.");
        router.push("/cart");
      } else if (result.ok)
        toast.success("Added to your cart.", {
          action: { label: "View cart", onClick: () => (window.location.href = "/cart") },
        });
      else {
        toast.error(result.message);
        await queryClient.invalidateQueries({ queryKey: ["price", handle] });
      }
    });
  }

  return (
    <div className="space-y-6">
      {sku && <VariantPicker variants={variants} sku={sku} error={serverErrors.sku} onChange={setChosenSku} />}
      {stock && <StockAvailability availability={stock[sku ?? variants[0]?.sku ?? ""]} />}
      {model && (
        <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" aria-label="Configure">
          <div className="flex items-center justify-between">
            <h2 className="font-semibold">Configure</h2>
            <button type="button" className="text-sm text-brand-700 hover:underline" onClick={configurator.reset}>
              Reset to defaults
            </button>
          </div>
          <ConfiguratorForm
            model={model}
            configuration={configurator.configuration}
            solution={configurator.solution}
            errors={{ ...localErrors, ...serverErrors }}
            onChange={configurator.set}
          />
        </section>
      )}
      <section className="space-y-4 rounded-xl border border-slate-200 bg-white p-5" aria-label="Price and order">
        <div className="flex items-end gap-4">
          <label className="space-y-1.5 text-sm font-medium text-slate-800">
            Quantity
            <input
              type="number"
              min={1}
              max={100_000}
              value={quantityText}
              onChange={(event) => setQuantityText(event.target.value)}
              aria-invalid={!quantityValid || undefined}
              className="block h-10 w-28 rounded-md border border-slate-300 bg-white px-3 text-sm"
            />
          </label>
          {!quantityValid && (
            <p className="pb-2 text-sm text-red-600" role="alert">
              Enter a whole number from 1 to 100,000.
            </p>
          )}
        </div>
        {price.data ? (
          <PricePanel
            unitPrice={price.data.unitPrice}
            lineTotal={price.data.lineTotal}
            quantity={price.data.quantity}
            currency={price.data.currency}
            breakdown={price.data.breakdown}
            quantityBreaks={price.data.quantityBreaks}
            organisationName={organisationName}
            isUpdating={price.pending}
          />
        ) : price.isFetching ? (
          <p className="text-sm text-slate-500" role="status">
            Calculating your price…
          </p>
        ) : null}
        {price.error && !(price.error instanceof PriceError && Object.keys(price.error.fieldErrors).length) && (
          <p className="rounded-md bg-red-50 p-3 text-sm text-red-700" role="alert">
            {price.error.message}
          </p>
        )}
        {!configurationValid && (
          <p className="text-sm text-amber-800" role="status">
            Complete the configuration to see your price.
          </p>
        )}
        <div className="flex items-center gap-3">
          <Button
            size="lg"
            onClick={add}
            disabled={!current || !configurationValid || !quantityValid}
            isLoading={isAdding}
          >
            {editing ? "Update cart line" : "Add to cart"}
          </Button>
          <Link href="/cart" className="text-sm font-medium text-brand-700 hover:underline">
            Go to cart
          </Link>
        </div>
      </section>
    </div>
  );
}
