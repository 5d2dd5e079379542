import "server-only";
import { AppError } from "@/lib/errors";
import { minorDigits } from "@/lib/pricing/units";
import { callMedusa } from "@/server/medusa/call";
import { getMedusaAdmin } from "@/server/medusa/client";
import { ZMedusaCartResponse, type TMedusaCart } from "@/server/medusa/types";

// Carts in Medusa, through our custom admin routes: the only way a price gets onto a line
// is the one Tradepost's engine decided. Prices cross this boundary in minor units on our
// side and whole currency units on Medusa's.

const route = (path: string) => `/admin/tradepost/carts${path}`;
const cartCall = (
  label: string,
  path: string,
  init: { method: "GET" | "POST" | "DELETE"; body?: Record<string, unknown> },
) =>
  callMedusa(label, ZMedusaCartResponse, () => getMedusaAdmin().client.fetch(route(path), init)).then(
    (response) => response.cart,
  );

/** 121050 EUR cents → 1210.5, the amount Medusa's API takes. */
export const toMedusaAmount = (minor: number, currency: string) => minor / 10 ** minorDigits(currency);
export const fromMedusaAmount = (amount: number, currency: string) => Math.round(amount * 10 ** minorDigits(currency));

export function createMedusaCart({
  customerId,
  email,
  organisationId,
}: {
  customerId: string;
  email: string;
  organisationId: string;
}): Promise<TMedusaCart> {
  return cartCall("tradepost.cart.create", "", {
    method: "POST",
    body: { customer_id: customerId, email, metadata: { organisation_id: organisationId } },
  });
}

/** The cart, or null when Medusa no longer has it. */
export async function getMedusaCart(cartId: string): Promise<TMedusaCart | null> {
  try {
    return await cartCall("tradepost.cart.get", `/${encodeURIComponent(cartId)}`, { method: "GET" });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

type TPricedLine = { quantity: number; unitPriceMinor: number; currency: string; metadata: Record<string, unknown> };

export function addMedusaCartLine(cartId: string, line: TPricedLine & { variantId: string }): Promise<TMedusaCart> {
  return cartCall("tradepost.cart.add-line", `/${encodeURIComponent(cartId)}/line-items`, {
    method: "POST",
    body: {
      variant_id: line.variantId,
      quantity: line.quantity,
      unit_price: toMedusaAmount(line.unitPriceMinor, line.currency),
      metadata: line.metadata,
    },
  });
}

export function updateMedusaCartLine(cartId: string, lineId: string, line: TPricedLine): Promise<TMedusaCart> {
  return cartCall(
    "tradepost.cart.update-line",
    `/${encodeURIComponent(cartId)}/line-items/${encodeURIComponent(lineId)}`,
    {
      method: "POST",
      body: {
        quantity: line.quantity,
        unit_price: toMedusaAmount(line.unitPriceMinor, line.currency),
        metadata: line.metadata,
      },
    },
  );
}

export function deleteMedusaCartLine(cartId: string, lineId: string): Promise<TMedusaCart> {
  return cartCall(
    "tradepost.cart.delete-line",
    `/${encodeURIComponent(cartId)}/line-items/${encodeURIComponent(lineId)}`,
    { method: "DELETE" },
  );
}
