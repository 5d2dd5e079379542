import "server-only";
import type { TCarrierFacts } from "@/lib/checkout/shipping";
import type { TShippingPriceRule } from "@/lib/erp/shipping-cost";
import { AppError } from "@/lib/errors";
import type { TBuyerLimit } from "@/server/approvals/approval-facts";
import { organisationIdOf, type TSessionUser } from "@/server/auth/session";
import { findBuyerCart, type TBuyerCart } from "@/server/cart/find-buyer-cart";
import { db } from "@/server/db";
import { loadBuyerPricing, type TBuyerPricing } from "@/server/pricing/load-buyer-pricing";

// Everything checkout reads about the buyer's organisation, from our own tables (the ERP cache,
// never Odoo), and the buyer's own open cart. Tenant scope is in every query.

export type TCheckoutAddress = {
  id: number;
  type: string;
  name: string | null;
  street: string | null;
  street2: string | null;
  zip: string | null;
  city: string | null;
  stateName: string | null;
  countryCode: string | null;
  phone: string | null;
};

export type TCheckoutContext = {
  user: TSessionUser;
  organisation: {
    id: string;
    name: string;
    status: "ACTIVE" | "SUSPENDED";
    poNumberRequired: boolean;
    timeZone: string;
    approvalWindowHours: number;
  };
  customer: {
    active: boolean;
    currency: string;
    creditLimitMinor: number | null;
    amountDueMinor: number | null;
    paymentTermName: string | null;
    name: string;
  } | null;
  /** Delivery addresses (and the company's own), as Odoo has them. */
  deliveryAddresses: TCheckoutAddress[];
  billingAddress: TCheckoutAddress | null;
  carriers: TCarrierFacts[];
  cart: TBuyerCart | null;
  /** The buyer's spending limit; null when the user is not a member of the organisation. */
  buyerLimit: TBuyerLimit | null;
  /** What re-pricing needs (every published model: the cart's products are not known before its read). */
  pricing: TBuyerPricing;
  /** Placed orders of the organisation Odoo has not invoiced yet (they count against its credit). */
  openOrdersMinor: number;
};

// Odoo keeps these states for orders it has not invoiced yet (or only drafted).
const OPEN_ODOO_STATES = ["draft", "sent", "sale"];

/** What the organisation's placed orders Odoo has not invoiced yet add up to (they count against its credit). */
export async function openOrdersTotal(organisationId: string): Promise<number> {
  const open = await db.order.aggregate({
    where: { organisationId, status: "PLACED", OR: [{ odooState: null }, { odooState: { in: OPEN_ODOO_STATES } }] },
    _sum: { totalMinor: true },
  });

  return open._sum.totalMinor ?? 0;
}

const ADDRESS_SELECT = {
  odooPartnerId: true,
  type: true,
  name: true,
  street: true,
  street2: true,
  zip: true,
  city: true,
  stateName: true,
  countryCode: true,
  phone: true,
} as const;

// The cart is read from Medusa: measured like the checkout's Medusa call, so that a bench can tell
// Tradepost's own time from Medusa's (a PerformanceObserver on "tradepost.checkout.medusa").
async function timedCartRead(user: TSessionUser) {
  const started = performance.now();
  const cart = await findBuyerCart(user);
  if (cart) performance.measure("tradepost.checkout.medusa", { start: started, detail: { cartId: cart.medusaCartId } });

  return cart;
}

type TBuyerLimitRow = Omit<TBuyerLimit, "timeZone">;

/** The buyer's spending limit, in the organisation's scope; null when not a member. */
export function readBuyerLimit(user: TSessionUser): Promise<TBuyerLimitRow | null> {
  return db.user.findFirst({
    where: { id: user.id, organisationId: organisationIdOf(user) },
    select: { spendingLimitMinor: true, spendingLimitPeriod: true },
  });
}

/** The organisation's partner in the ERP cache: standing, credit and payment terms. */
export function readErpCustomer(organisationId: string): Promise<TCheckoutContext["customer"]> {
  return db.erpCustomer.findUnique({
    where: { organisationId },
    select: {
      active: true,
      currency: true,
      creditLimitMinor: true,
      amountDueMinor: true,
      paymentTermName: true,
      name: true,
    },
  });
}

/**
 * Loads the checkout's context. A caller that holds the checkout's lock (checkout-locks.ts) passes
 * the reads it started itself: the limits it decided the lock on, and the open orders read once the
 * lock was held (so that they include the order of a checkout that held it before).
 */
export async function loadCheckoutContext(
  user: TSessionUser,
  {
    withCart = true,
    buyerLimit = readBuyerLimit(user),
    customer = readErpCustomer(organisationIdOf(user)),
    openOrdersMinor = openOrdersTotal(organisationIdOf(user)),
  }: {
    withCart?: boolean;
    buyerLimit?: Promise<TBuyerLimitRow | null>;
    customer?: Promise<TCheckoutContext["customer"]>;
    openOrdersMinor?: Promise<number>;
  } = {},
): Promise<TCheckoutContext> {
  const organisationId = organisationIdOf(user);
  // All side by side, beside the one Medusa read (the cart): none depends on another.
  const [organisation, erpCustomer, addresses, carriers, cart, buyer, pricing, openOrders] = await Promise.all([
    db.organisation.findUnique({
      where: { id: organisationId },
      select: {
        id: true,
        name: true,
        status: true,
        poNumberRequired: true,
        timeZone: true,
        approvalWindowHours: true,
      },
    }),
    customer,
    db.erpAddress.findMany({ where: { organisationId }, select: ADDRESS_SELECT, orderBy: { odooPartnerId: "asc" } }),
    db.erpCarrier.findMany({ where: { active: true }, orderBy: { odooCarrierId: "asc" } }),
    withCart ? timedCartRead(user) : Promise.resolve(null),
    buyerLimit,
    loadBuyerPricing(),
    openOrdersMinor,
  ]);
  if (!organisation) throw new AppError("NOT_FOUND", "Not found.");
  const toAddress = ({ odooPartnerId, ...rest }: (typeof addresses)[number]): TCheckoutAddress => ({
    id: odooPartnerId,
    ...rest,
  });
  const delivery = addresses.filter((address) => address.type === "delivery" || address.type === "contact");
  const billing =
    addresses.find((address) => address.type === "invoice") ??
    addresses.find((address) => address.type === "contact") ??
    null;

  return {
    user,
    organisation,
    customer: erpCustomer,
    // Delivery addresses first, the company's own address last.
    deliveryAddresses: [
      ...delivery.filter((address) => address.type === "delivery"),
      ...delivery.filter((address) => address.type === "contact"),
    ].map(toAddress),
    billingAddress: billing ? toAddress(billing) : null,
    carriers: carriers.map((carrier) => ({
      id: carrier.odooCarrierId,
      name: carrier.name,
      deliveryType: carrier.deliveryType,
      currency: carrier.currency,
      fixedPriceMinor: carrier.fixedPriceMinor,
      freeOverMinor: carrier.freeOverMinor,
      countryCodes: carrier.countryCodes,
      priceRules: carrier.priceRules as TShippingPriceRule[],
    })),
    cart,
    buyerLimit: buyer && { ...buyer, timeZone: organisation.timeZone },
    pricing,
    openOrdersMinor: openOrders,
  };
}
