// Shared by the cart integration tests: Medusa clients for looking at carts from outside,
// the demo data with a fresh buyer per organisation, the demo table configuration, and
// calls into the price route as the signed-in buyer.
import Medusa from "@medusajs/js-sdk";
import { beforeAll, beforeEach } from "vitest";
import { signInAs } from "./next-request-scope";
import { seedDemoData } from "../../prisma/seed/demo-data";
import { createUser } from "../../prisma/seed/factories";
import type { PrismaClient } from "@/generated/prisma/client";
import { POST as priceRoute } from "@/app/api/storefront/price/route";
import { getSessionUser, type TSessionUser } from "@/server/auth/session";

const env = process.env as Record<string, string>;
export const medusaAdmin = new Medusa({
  baseUrl: env.MEDUSA_URL!,
  apiKey: env.MEDUSA_SECRET_API_KEY,
  auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
});
const medusaStore = new Medusa({
  baseUrl: env.MEDUSA_URL!,
  publishableKey: env.MEDUSA_PUBLISHABLE_KEY,
  auth: { type: "jwt", jwtTokenStorageMethod: "nostore" },
});

type TStoreCart = {
  id: string;
  customer_id: string;
  metadata: Record<string, unknown>;
  items: {
    id: string;
    variant_id: string;
    quantity: number;
    unit_price: number;
    is_custom_price: boolean;
    metadata: Record<string, unknown>;
  }[];
};

/** A cart as Medusa's store API returns it (amounts in whole currency units). */
export const storeCart = async (id: string) =>
  (
    (await medusaStore.store.cart.retrieve(id, { fields: "+customer_id,+metadata,*items" })) as unknown as {
      cart: TStoreCart;
    }
  ).cart;

export const TABLE = {
  product: "made-to-measure-table",
  configuration: { top: "walnut", width_mm: 1800, depth_mm: 800, legs: "oak", cable_port: true },
};

export async function sessionOf(user: { id: string }): Promise<TSessionUser> {
  signInAs(user);

  return (await getSessionUser())!;
}

/** POST /api/storefront/price as whoever is signed in. */
export async function price(body: unknown) {
  const response = await priceRoute(
    new Request("http://localhost/api/storefront/price", { method: "POST", body: JSON.stringify(body) }) as never,
    undefined as never,
  );

  return {
    status: response.status,
    json: (await response.json()) as Record<string, unknown> & { quoteToken: string; unitPrice: number },
  };
}

export type TDemoBuyers = { acme: string; borealis: string; buyerA: TUser; buyerB: TUser };
type TUser = Awaited<ReturnType<typeof createUser>>;

/**
 * Seeds the demo data once per file and, before each test, a fresh buyer of Acme (A) and of
 * Borealis (B), nobody signed in; `use` receives them.
 */
export function useDemoBuyers(db: PrismaClient, use: (buyers: TDemoBuyers) => void): void {
  let organisations: [string, string];
  beforeAll(async () => {
    await seedDemoData(db, { password: "tradepost-demo" });
    organisations = (
      await db.organisation.findMany({
        where: { name: { in: ["Acme Interiors", "Borealis Fitouts"] } },
        orderBy: { name: "asc" },
      })
    ).map((organisation) => organisation.id) as [string, string];
  });
  beforeEach(async () => {
    const [acme, borealis] = organisations;
    const [buyerA, buyerB] = await Promise.all([
      createUser(db, { role: "BUYER", organisationId: acme }),
      createUser(db, { role: "BUYER", organisationId: borealis }),
    ]);
    signInAs(null);
    use({ acme, borealis, buyerA, buyerB });
  });
}
