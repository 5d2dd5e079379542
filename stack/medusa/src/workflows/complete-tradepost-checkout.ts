import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils";
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk";
import {
  completeCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  updateTaxLinesWorkflow,
} from "@medusajs/medusa/core-flows";

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
  metadata: Record<string, unknown> | null;
  items: ({
    id: string;
    requires_shipping: boolean;
    variant?: { product?: { shipping_profile?: { id: string } } };
  } | null)[];
  shipping_methods: ({ id: string } | null)[];
};

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

    await cartModule.updateCarts(input.cart_id, {
      email: input.email,
      shipping_address: input.shipping_address,
      billing_address: input.billing_address,
      metadata: { ...(cart.metadata ?? {}), ...input.metadata },
    });
    await cartModule.updateLineItems(
      input.lines.map((line) => ({
        id: line.id,
        unit_price: line.unit_price,
        is_custom_price: true,
        metadata: line.metadata,
      })),
    );
    const existing = (cart.shipping_methods ?? []).flatMap((method) => (method ? [method.id] : []));
    if (existing.length) await cartModule.deleteShippingMethods(existing);
    const profileIds = [
      ...new Set(
        (cart.items ?? []).flatMap((item) => {
          const id = item?.variant?.product?.shipping_profile?.id;
          return item?.requires_shipping && id ? [id] : [];
        }),
      ),
    ];
    await cartModule.addShippingMethods({
      cart_id: input.cart_id,
      name: input.shipping.name,
      amount: input.shipping.amount,
      shipping_option_id: await findShippingOptionId(container, profileIds),
      data: input.shipping.data ?? {},
    });
    // Taxes as Medusa computes them, on the lines and on our shipping line.
    await updateTaxLinesWorkflow(container).run({ input: { cart_id: input.cart_id, force_tax_calculation: true } });

    return new StepResponse(input.cart_id);
  },
);

const attachPaymentStep = createStep("tradepost-attach-system-payment", async (cartId: string, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY);
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "total", "customer_id", "payment_collection.id"],
    filters: { id: cartId },
  });
  const cart = data[0]!;
  let collectionId = cart.payment_collection?.id;
  if (collectionId) {
    // A retry after a failed completion: the total may have changed with the shipping price.
    await container.resolve(Modules.PAYMENT).updatePaymentCollections(collectionId, { amount: cart.total });
  } else {
    const { result } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cartId } });
    collectionId = result.id;
  }
  await createPaymentSessionsWorkflow(container).run({
    input: {
      payment_collection_id: collectionId,
      provider_id: PAYMENT_PROVIDER,
      customer_id: cart.customer_id ?? undefined,
    },
  });

  return new StepResponse(collectionId);
});

export const completeTradepostCheckoutWorkflow = createWorkflow(
  "tradepost-complete-checkout",
  (input: TCompleteTradepostCheckoutInput) => {
    const cartId = prepareCartStep(input);
    attachPaymentStep(cartId);
    const completed = completeCartWorkflow.runAsStep({
      input: transform({ cartId }, ({ cartId }) => ({ id: cartId })),
    });

    return new WorkflowResponse(transform({ completed }, ({ completed }) => ({ orderId: completed.id })));
  },
);
