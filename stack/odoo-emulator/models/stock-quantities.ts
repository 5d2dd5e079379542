// Stock arithmetic on quants: on hand, reserved and free quantities in internal locations,
// and moving quantity between locations (which creates the destination quant when missing,
// as Odoo does: a product that never had stock has no quant at all).
import type { Env } from "../orm/env";
import type { TRecord } from "../orm/types";

const isInternal = (env: Env, locationId: number) => env.get("stock.location", locationId)?.usage === "internal";

function internalQuants(env: Env, productId: number): TRecord[] {
  return env
    .all("stock.quant")
    .filter((quant) => quant.product_id === productId && isInternal(env, quant.location_id as number));
}

export const onHandQuantity = (env: Env, productId: number) =>
  internalQuants(env, productId).reduce((sum, quant) => sum + Number(quant.quantity ?? 0), 0);
export const reservedQuantity = (env: Env, productId: number) =>
  internalQuants(env, productId).reduce((sum, quant) => sum + Number(quant.reserved_quantity ?? 0), 0);
export const availableQuantity = (env: Env, productId: number) =>
  onHandQuantity(env, productId) - reservedQuantity(env, productId);

export function findQuant(env: Env, productId: number, locationId: number): TRecord | undefined {
  return env.all("stock.quant").find((quant) => quant.product_id === productId && quant.location_id === locationId);
}

/** Reserves up to `quantity` from the product's internal quants; returns what it could reserve. */
export function reserve(env: Env, productId: number, locationId: number, quantity: number): number {
  const quant = findQuant(env, productId, locationId);
  if (!quant) return 0;
  const free = Number(quant.quantity) - Number(quant.reserved_quantity ?? 0);
  const reserved = Math.max(0, Math.min(free, quantity));
  if (reserved > 0)
    env.update("stock.quant", quant.id, { reserved_quantity: Number(quant.reserved_quantity ?? 0) + reserved });

  return reserved;
}

export function unreserve(env: Env, productId: number, locationId: number, quantity: number): void {
  const quant = findQuant(env, productId, locationId);
  if (quant && quantity > 0)
    env.update("stock.quant", quant.id, {
      reserved_quantity: Math.max(0, Number(quant.reserved_quantity ?? 0) - quantity),
    });
}

/**
 * Moves `quantity` from one location to another: the source quant is updated first, then
 * the destination (created if missing). Both go through write/create, so automation rules
 * on stock.quant fire for each, in that order.
 */
export function transfer(env: Env, productId: number, from: number, to: number, quantity: number): void {
  const source = findQuant(env, productId, from);
  if (source) env.write("stock.quant", [source.id], { quantity: Number(source.quantity) - quantity });
  else env.create("stock.quant", { product_id: productId, location_id: from, quantity: -quantity });
  const target = findQuant(env, productId, to);
  if (target) env.write("stock.quant", [target.id], { quantity: Number(target.quantity) + quantity });
  else env.create("stock.quant", { product_id: productId, location_id: to, quantity });
}
