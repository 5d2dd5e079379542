import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils";
import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk";
import { completeCartWorkflow, updateTaxLinesWorkflow } from "@medusajs/medusa/core-flows";

// Tradepost's checkout in one round trip: the storefront's six calls (email and addresses, shipping
// method, payment collection, payment session, complete) as one workflow run inside Medusa. The
// shipping price is the one Tradepost computed from Odoo's carriers, and every line's price and
// metadata are written again from what Tradepost just re-validated, so nothing changed in the cart
// through the store API reaches the order.

export type TCheckoutAddress = {
  first_name?: string;
  last_name?: string;
  company?: string;
  address_1?: string;
  address_2?: string;
  city?: string;
  postal_code?: string;
  province?: string;
  country_code: string;
  phone?: string;
};

export type TCompleteTradepostCheckoutInput = {
  cart_id: string;
  email: string;
  shipping_address: TCheckoutAddress;
  billing_address: TCheckoutAddress;
  /** Whole currency units, as Medusa's API has them. */
  shipping: { name: string; amount: number; data?: Record<string, unknown> };
  /** Becomes the order's metadata (Medusa copies the cart's). */
  metadata: Record<string, unknown>;
  /** Exactly the cart's lines, with the prices and metadata Tradepost decided. */
  lines: { id: string; unit_price: number; metadata: Record<string, unknown> }[];
};

const PAYMENT_PROVIDER = "pp_system_default";

type TCartFacts = {
  id: string;
  completed_at: Date | null;
  currency_code: string;
  metadata: Record<string, unknown> | null;
  items: ({
    id: string;
    requires_shipping: boolean;
    variant?: { product?: { shipping_profile?: { id: string } } };
  } | null)[];
  shipping_methods: ({ id: string } | null)[];
};

// What updateTaxLinesWorkflow reads of a cart to compute its taxes (its own query's fields that
// the tax context and the tax lines use), read here with ours so that it need not read the cart again.
const TAX_CART_FIELDS = [
  "currency_code",
  "locale",
  "region.id",
  "region.automatic_taxes",
  "customer.id",
  "customer.email",
  "customer.metadata",
  "customer.groups.id",
  "items.variant_id",
  "items.product_id",
  "items.product_type_id",
  "items.quantity",
  "items.is_giftcard",
];

async function findShippingOptionId(container: MedusaContainer, profileIds: string[]): Promise<string> {
  const fulfillment = container.resolve(Modules.FULFILLMENT);
  const options = await fulfillment.listShippingOptions(profileIds.length ? { shipping_profile_id: profileIds } : {}, {
    take: 1,
    select: ["id"],
  });
  const option = options[0];
  if (!option) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The store has no shipping option to attach.");

  return option.id;
}

const prepareCartStep = createStep(
  "tradepost-prepare-checkout-cart",
  async (input: TCompleteTradepostCheckoutInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY);
    const cartModule = container.resolve(Modules.CART);
    const { data } = await query.graph({
      entity: "cart",
      fields: [
        "id",
        "completed_at",
        "metadata",
        "items.id",
        "items.requires_shipping",
        "items.variant.product.shipping_profile.id",
        "shipping_methods.id",
        ...TAX_CART_FIELDS,
      ],
      filters: { id: input.cart_id },
    });
    const cart = data[0] as TCartFacts | undefined;
    if (!cart) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${input.cart_id} was not found`);
    const itemIds = (cart.items ?? []).flatMap((item) => (item ? [item.id] : [])).sort();
    const expected = input.lines.map((line) => line.id).sort();
    // A line added or removed behind Tradepost's back (store API) must not be ordered unchecked.
    if (itemIds.length !== expected.length || itemIds.some((id, index) => id !== expected[index]))
      throw new MedusaError(MedusaError.Types.CONFLICT, "The cart's lines are not the ones that were checked.");

    const profileIds = [
      ...new Set(
        (cart.items ?? []).flatMap((item) => {
          const id = item?.variant?.product?.shipping_profile?.id;
          return item?.requires_shipping && id ? [id] : [];
        }),
      ),
    ];
    const existing = (cart.shipping_methods ?? []).flatMap((method) => (method ? [method.id] : []));
    // Side by side: the cart's own fields, its lines and its shipping line are separate tables.
    const [, , shippingMethods] = await Promise.all([
      cartModule.updateCarts(input.cart_id, {
        email: input.email,
        shipping_address: input.shipping_address,
        billing_address: input.billing_address,
        metadata: { ...(cart.metadata ?? {}), ...input.metadata },
      }),
      cartModule.updateLineItems(
        input.lines.map((line) => ({
          id: line.id,
          unit_price: line.unit_price,
          is_custom_price: true,
          metadata: line.metadata,
        })),
      ),
      (async () => {
        const [optionId] = await Promise.all([
          findShippingOptionId(container, profileIds),
          existing.length ? cartModule.deleteShippingMethods(existing) : undefined,
        ]);
        // Given a list, the module answers with a list (given one, it still does, despite its types).
        return cartModule.addShippingMethods([
          {
            cart_id: input.cart_id,
            name: input.shipping.name,
            amount: input.shipping.amount,
            shipping_option_id: optionId,
            data: input.shipping.data ?? {},
          },
        ]);
      })(),
    ]);
    // Taxes as Medusa computes them, on the lines and on our shipping line.
    // The cart as it now is (read above, plus what was just written), so the workflow need not read it.
    const prices = new Map(input.lines.map((line) => [line.id, line.unit_price]));
    const taxCart = {
      ...cart,
      email: input.email,
      shipping_address: input.shipping_address,
      items: cart.items.flatMap((item) => (item ? [{ ...item, unit_price: prices.get(item.id) }] : [])),
      shipping_methods: shippingMethods,
    };
    await updateTaxLinesWorkflow(container).run({
      input: { cart_id: input.cart_id, cart: taxCart, force_tax_calculation: true },
    });

    return new StepResponse(input.cart_id);
  },
);

// The system payment provider's collection and session, written with the payment module directly:
// Medusa's two workflows for it (createPaymentCollectionForCart, createPaymentSessions) re-read the
// cart and the customer and look for account holders, which the system provider does not have, at
// ~60 ms a checkout. completeCartWorkflow validates and authorises the session as it always does.
const attachPaymentStep = createStep("tradepost-attach-system-payment", async (cartId: string, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const payments = container.resolve(Modules.PAYMENT);
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "currency_code", "total", "payment_collection.id", "payment_collection.payment_sessions.id"],
    filters: { id: cartId },
  });
  const cart = data[0]!;
  let collectionId = cart.payment_collection?.id;
  if (collectionId) {
    // A retry after a failed completion: the total may have changed with the shipping price, and
    // the earlier session goes (one session per collection, as Medusa keeps it).
    await payments.updatePaymentCollections(collectionId, { amount: cart.total });
    for (const session of cart.payment_collection?.payment_sessions ?? []) {
      if (session) await payments.deletePaymentSession(session.id);
    }
  } else {
    const [created] = await payments.createPaymentCollections([
      { currency_code: cart.currency_code, amount: cart.total },
    ]);
    collectionId = created!.id;
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.CART]: { cart_id: cartId },
      [Modules.PAYMENT]: { payment_collection_id: collectionId },
    });
  }
  await payments.createPaymentSession(collectionId, {
    provider_id: PAYMENT_PROVIDER,
    currency_code: cart.currency_code,
    amount: cart.total,
    data: {},
    context: {},
  });

  return new StepResponse(collectionId);
});

/** Readies the cart for completion: our lines, addresses and shipping line, taxes, and the payment session. */
export const prepareTradepostCheckoutWorkflow = createWorkflow(
  "tradepost-prepare-checkout",
  (input: TCompleteTradepostCheckoutInput) => {
    const cartId = prepareCartStep(input);
    attachPaymentStep(cartId);

    return new WorkflowResponse(cartId);
  },
);

/**
 * The checkout: the cart readied, then completed by Medusa's own completeCartWorkflow, run on its
 * own rather than nested in ours: so it takes Medusa's lock on the cart (a completion through the
 * store API at the same moment waits) and costs what it costs the storefront (~100 ms less than
 * nested, where each of its ~40 checkpoints was also written to workflow_execution).
 */
export async function completeTradepostCheckout(
  container: MedusaContainer,
  input: TCompleteTradepostCheckoutInput,
): Promise<{ orderId: string }> {
  await prepareTradepostCheckoutWorkflow(container).run({ input });
  const { result } = await completeCartWorkflow(container).run({ input: { id: input.cart_id } });

  return { orderId: result.id };
}
