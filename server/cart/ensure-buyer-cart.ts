import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { organisationIdOf, type TSessionUser } from "@/server/auth/session";
import { findBuyerCart, type TBuyerCart } from "@/server/cart/find-buyer-cart";
import { getStoreRegion } from "@/server/catalog/get-store-region";
import { db } from "@/server/db";
import { createMedusaCart } from "@/server/medusa/carts";
import { ensureMedusaCustomer } from "@/server/storefront/ensure-medusa-customer";

/**
 * The buyer's open cart, creating the Medusa customer and cart on first need. One cart
 * per buyer: if two requests create one at once, the loser's empty cart is left unused.
 */
export async function ensureBuyerCart(user: TSessionUser): Promise<TBuyerCart> {
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
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2025")))
      throw error;
    const winner = await findBuyerCart(user);
    if (winner) return winner;
    throw error;
  }

  return { medusaCartId: cart.id, currency: region.currency, cart };
}
