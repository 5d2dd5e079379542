import "server-only";
import { organisationIdOf, type TSessionUser } from "@/server/auth/session";
import { db } from "@/server/db";
import { getMedusaCart } from "@/server/medusa/carts";
import type { TMedusaCart } from "@/server/medusa/types";

export type TBuyerCart = { medusaCartId: string; currency: string; cart: TMedusaCart };

/** The buyer's open cart, if they have one (no Medusa call is made to create it). */
export async function findBuyerCart(user: TSessionUser): Promise<TBuyerCart | null> {
  const row = await db.buyerCart.findUnique({
    where: { userId: user.id },
    select: { medusaCartId: true, currency: true, organisationId: true },
  });
  if (!row || row.organisationId !== organisationIdOf(user)) return null;
  const cart = await getMedusaCart(row.medusaCartId);
  if (!cart || cart.completed_at) return null;

  return { medusaCartId: row.medusaCartId, currency: row.currency, cart };
}
