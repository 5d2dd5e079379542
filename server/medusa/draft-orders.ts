import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { callMedusa } from "@/server/medusa/call";
import { getMedusaAdmin } from "@/server/medusa/client";

// Orders Tradepost did not check out itself (a sales rep's, from Odoo) enter Medusa as a draft
// order with the given prices, converted at once into a normal order. Every order made here
// carries `tradepost_order_id` in its metadata: Medusa has no idempotency key, so a retry after
// a lost answer finds the order (or the unconverted draft) by it instead of making another.

const ZOrderSummary = z.object({
  id: z.string(),
  display_id: z.coerce.number().nullish(),
  status: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
const ZDraftResponse = z.object({ draft_order: ZOrderSummary });
const ZDraftList = z.object({ draft_orders: z.array(ZOrderSummary) });
const ZOrderResponse = z.object({ order: ZOrderSummary });
const ZOrderList = z.object({ orders: z.array(ZOrderSummary) });

// How far back a retry looks for what an earlier attempt made (newest first).
const RECENT = 100;

export type TDraftOrderInput = {
  tradepostOrderId: string;
  regionId: string;
  salesChannelId?: string;
  email: string;
  shippingAddress?: Record<string, string | null>;
  /** Amounts in minor units; a line without a variant is a custom line with the given title. */
  items: { variantId?: string; title: string; quantity: number; unitPriceMinor: number }[];
  shipping?: { shippingOptionId: string; name: string; amountMinor: number };
  metadata: Record<string, string | number | boolean | null>;
};

export type TMedusaOrderRef = { id: string; displayId: number | null };

const toWhole = (minor: number) => minor / 100;
const mine = (tradepostOrderId: string) => (o: z.infer<typeof ZOrderSummary>) =>
  o.metadata?.tradepost_order_id === tradepostOrderId;

/** The Medusa order made earlier for one of our orders (converted or still a draft); null when none. Reads only. */
export async function findMedusaOrderFor(
  tradepostOrderId: string,
): Promise<{ order: TMedusaOrderRef | null; draftId: string | null }> {
  const admin = getMedusaAdmin();
  const [{ orders }, { draft_orders: drafts }] = await Promise.all([
    callMedusa("admin.order.list", ZOrderList, () =>
      admin.admin.order.list({ fields: "id,display_id,status,metadata", order: "-created_at", limit: RECENT }),
    ),
    callMedusa("admin.draftOrder.list", ZDraftList, () =>
      admin.admin.draftOrder.list({ fields: "id,display_id,status,metadata", order: "-created_at", limit: RECENT }),
    ),
  ]);
  const order = orders.find(mine(tradepostOrderId));
  const draft = drafts.find(mine(tradepostOrderId));

  return {
    order: order ? { id: order.id, displayId: order.display_id ?? null } : null,
    draftId: draft && !order ? draft.id : null,
  };
}

const ZVariants = z.object({ variants: z.array(z.object({ id: z.string(), sku: z.string().nullish() })) });

/** Medusa's variant ids for these SKUs (those it has). Reads only. */
export async function findVariantIdsBySku(skus: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(skus.filter(Boolean))];
  if (!wanted.length) return new Map();
  const { variants } = await callMedusa("admin.productVariant.list(sku)", ZVariants, () =>
    getMedusaAdmin().admin.productVariant.list({ sku: wanted, fields: "id,sku", limit: wanted.length * 2 }),
  );

  return new Map(variants.flatMap((variant) => (variant.sku ? [[variant.sku, variant.id] as const] : [])));
}

/** Converts a draft order into an order. */
export async function convertDraftOrder(draftId: string): Promise<TMedusaOrderRef> {
  const { order } = await callMedusa("admin.draftOrder.convertToOrder", ZOrderResponse, () =>
    getMedusaAdmin().admin.draftOrder.convertToOrder(draftId, { fields: "id,display_id" }),
  );

  return { id: order.id, displayId: order.display_id ?? null };
}

/** Creates the draft order with the given lines and prices and converts it. Not idempotent alone: look first. */
export async function createOrderFromDraft(input: TDraftOrderInput): Promise<TMedusaOrderRef> {
  if (!input.items.length) throw new AppError("INVALID_INPUT", "An order needs at least one line.");
  let draftId: string;
  try {
    const { draft_order: draft } = await callMedusa("admin.draftOrder.create", ZDraftResponse, () =>
      getMedusaAdmin().admin.draftOrder.create(
        {
          region_id: input.regionId,
          email: input.email,
          ...(input.salesChannelId ? { sales_channel_id: input.salesChannelId } : {}),
          ...(input.shippingAddress ? { shipping_address: input.shippingAddress } : {}),
          items: input.items.map((item) =>
            item.variantId
              ? { variant_id: item.variantId, quantity: item.quantity, unit_price: toWhole(item.unitPriceMinor) }
              : { title: item.title, quantity: item.quantity, unit_price: toWhole(item.unitPriceMinor) },
          ),
          ...(input.shipping
            ? {
                shipping_methods: [
                  {
                    shipping_option_id: input.shipping.shippingOptionId,
                    name: input.shipping.name,
                    amount: toWhole(input.shipping.amountMinor),
                  },
                ],
              }
            : {}),
          metadata: { ...input.metadata, tradepost_order_id: input.tradepostOrderId },
        } as Parameters<ReturnType<typeof getMedusaAdmin>["admin"]["draftOrder"]["create"]>[0],
        { fields: "id,display_id,metadata" },
      ),
    );
    draftId = draft.id;
  } catch (error) {
    throw error instanceof AppError ? error : new AppError("UPSTREAM_FAILED", "Medusa refused the draft order.");
  }

  return convertDraftOrder(draftId);
}
