import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { organisationIdOf, type TSessionUser } from "@/server/auth/session";
import { getStoreRegion } from "@/server/catalog/get-store-region";
import { db } from "@/server/db";
import { createMedusaCart, getMedusaCart } from "@/server/medusa/carts";
import type { TMedusaCart } from "@/server/medusa/types";
import { ensureMedusaCustomer } from "@/server/storefront/ensure-medusa-customer";

export type TBuyerCart = { medusaCartId: string; currency: string; cart: TMedusaCart };

/** The buyer's open cart, if they have one (no Medusa call is made to create it). */
export async function findBuyerCart(user: TSessionUser): Promise<TBuyerCart | null> {
  const row = await db.buyerCart.findUnique({ where: { userId: user.id }, select: { medusaCartId: true, currency: true, organisationId: true } });
  if (!row || row.organisationId !== organisationIdOf(user)) return null;
  const cart = await getMedusaCart(row.medusaCartId);
  if (!cart || cart.completed_at) return null;

  return { medusaCartId: row.medusaCartId, currency: row.currency, cart };
}

/**
 * The buyer's open cart, creating the Medusa customer and cart on first need. One cart
 * per buyer: if two requests create one at once, the loser's empty cart is left unused.
 */
export async function getOrCreateBuyerCart(user: TSessionUser): Promise<TBuyerCart> {
  const existing = await findBuyerCart(user);
  if (existing) return existing;
  const organisationId = organisationIdOf(user);
  const [customerId, region] = await Promise.all([ensureMedusaCustomer(user), getStoreRegion()]);
  const cart = await createMedusaCart({ customerId, email: user.email, organisationId });
  const data = { medusaCartId: cart.id, organisationId, currency: region.currency };
  try {
    // Replaces a completed or vanished cart; a concurrent creator's row wins.
    const current = await db.buyerCart.findUnique({ where: { userId: user.id }, select: { medusaCartId: true } });
    if (current) await db.buyerCart.update({ where: { userId: user.id, medusaCartId: current.medusaCartId }, data });
    else await db.buyerCart.create({ data: { userId: user.id, ...data } });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2025"))) throw error;
    const winner = await findBuyerCart(user);
    if (winner) return winner;
    throw error;
  }

  return { medusaCartId: cart.id, currency: region.currency, cart };
}
