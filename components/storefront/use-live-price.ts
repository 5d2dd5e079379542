"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { TFieldErrors } from "@/lib/errors";
import type { TConfiguration } from "@/lib/pricing/types";
import { ZPriceResponse, type TPriceResponse } from "@/lib/validation/storefront";

export type TLivePrice = TPriceResponse;
export class PriceError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: TFieldErrors = {},
  ) {
    super(message);
  }
}

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);

    return () => clearTimeout(timer);
  }, [value, ms]);

  return debounced;
}

async function fetchPrice(
  product: string,
  configuration: TConfiguration,
  quantity: number,
  sku: string | undefined,
  signal: AbortSignal,
): Promise<TLivePrice> {
  const response = await fetch("/api/storefront/price", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ product, configuration, quantity, sku }),
    signal,
  });
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = (body as { error?: { message?: string; fieldErrors?: TFieldErrors } }).error;
    throw new PriceError(error?.message ?? "The price could not be calculated.", error?.fieldErrors);
  }
  const price = ZPriceResponse.safeParse(body);
  if (!price.success) throw new PriceError("The price could not be read. Please try again.");

  return price.data;
}

/**
 * The organisation's price for what is on screen, asked of the server 250 ms after the
 * buyer stops changing things. Each configuration is its own query, so a slow answer to
 * an older configuration can never replace the current one; the last price stays visible
 * (dimmed) while the next is on its way.
 */
export function useLivePrice({
  product,
  configuration,
  quantity,
  sku,
  enabled,
}: {
  product: string;
  configuration: TConfiguration;
  quantity: number;
  sku?: string;
  enabled: boolean;
}) {
  const now = JSON.stringify({ configuration, quantity, sku, enabled });
  const request = useDebounced(now, 250);
  const parsed = JSON.parse(request) as {
    configuration: TConfiguration;
    quantity: number;
    sku?: string;
    enabled: boolean;
  };
  const query = useQuery({
    queryKey: ["price", product, request],
    queryFn: ({ signal }) => fetchPrice(product, parsed.configuration, parsed.quantity, parsed.sku, signal),
    enabled: parsed.enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  // The price on screen belongs to what is on screen only once the debounce caught up and
  // the answer for it arrived; until then its quote must not be used.
  const pending = request !== now || query.isFetching || query.isPlaceholderData;

  return { ...query, pending, current: !pending && query.data ? query.data : null };
}
