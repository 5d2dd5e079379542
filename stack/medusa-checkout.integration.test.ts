// The Medusa backend in stack/medusa, running for real: Tradepost's checkout in one call
// (POST /admin/tradepost/carts/:id/complete and its workflow).
import { describe, expect, it } from "vitest";
import { admin, createCustomer, post, store, variantId, type TCart } from "./medusa-test-client";

describe("checkout in one call", () => {
  it("completes a checkout in one call: our prices, metadata and shipping line, the payment authorised", async () => {
    const customer = await createCustomer();
    const cartId = (
      (await post("/admin/tradepost/carts", { customer_id: customer.id, metadata: { organisation_id: "org-b" } })).json
        .cart as TCart
    ).id;
    for (const [sku, quantity] of [
      ["TBL-ATELIER-OAK", 2],
      ["ACC-GROMMET-80", 10],
    ] as const) {
      await post(`/admin/tradepost/carts/${cartId}/line-items`, {
        variant_id: await variantId(sku),
        quantity,
        unit_price: 100,
      });
    }
    const { cart } = (await store.store.cart.retrieve(cartId, { fields: "id,*items" })) as unknown as { cart: TCart };
    const address = { first_name: "Ada", last_name: "Buyer", address_1: "Kai 1", city: "Hamburg", country_code: "de" };
    const checkout = {
      email: customer.email,
      shipping_address: address,
      billing_address: address,
      shipping: { name: "Tradepost freight", amount: 12.9, data: { odoo_carrier_id: 7 } },
      metadata: { tradepost_order_id: "order-1" },
      lines: cart.items.map((item) => ({
        id: (item as unknown as { id: string }).id,
        unit_price: item.variant_id === cart.items[0]!.variant_id ? 1234.56 : 11.2,
        metadata: { checked: true },
      })),
    };

    const placed = await post(`/admin/tradepost/carts/${cartId}/complete`, checkout);
    expect(placed.status).toBe(201);
    const orderId = (placed.json.order as { id: string }).id;
    // Read back through Medusa's admin API, not our route's answer.
    const { order } = (await admin.admin.order.retrieve(orderId, {
      fields:
        "id,total,payment_status,metadata,*items,*shipping_methods,*payment_collections,*payment_collections.payment_sessions,*payment_collections.payments",
    })) as unknown as {
      order: {
        total: number;
        payment_status: string;
        metadata: Record<string, unknown>;
        items: {
          unit_price: number;
          is_custom_price: boolean;
          metadata: Record<string, unknown>;
          tax_lines: unknown[];
        }[];
        shipping_methods: { name: string; amount: number; data: Record<string, unknown> }[];
        payment_collections: {
          status: string;
          amount: number;
          payment_sessions: { status: string; provider_id: string }[];
          payments: { amount: number }[];
        }[];
      };
    };
    expect(order.items.map((item) => item.unit_price).sort((a, b) => a - b)).toEqual(
      checkout.lines.map((line) => line.unit_price).sort((a, b) => a - b),
    );
    expect(order.items.map((item) => item.metadata)).toEqual([{ checked: true }, { checked: true }]);
    expect(order.metadata).toMatchObject({ tradepost_order_id: "order-1" });
    expect(order.shipping_methods).toMatchObject([
      { name: "Tradepost freight", amount: 12.9, data: { odoo_carrier_id: 7 } },
    ]);
    expect(order.payment_status).toBe("authorized");
    expect(order.payment_collections).toHaveLength(1);
    const [collection] = order.payment_collections;
    expect(collection).toMatchObject({ status: "authorized", amount: order.total });
    expect(collection!.payment_sessions).toMatchObject([{ status: "authorized", provider_id: "pp_system_default" }]);
    expect(collection!.payments).toMatchObject([{ amount: order.total }]);

    // The same call again (a lost answer, a double submit) answers with the same order.
    const again = await post(`/admin/tradepost/carts/${cartId}/complete`, checkout);
    expect([again.status, (again.json.order as { id: string }).id, again.json.created]).toEqual([200, orderId, false]);
  });

  it("puts Medusa's taxes on the lines and on our shipping line, and authorises the taxed total", async () => {
    // Denmark: a seeded tax region no other test ships to, given a 25 % rate for this test only.
    const { tax_regions: regions } = await admin.admin.taxRegion.list({ country_code: "dk" });
    const { tax_rate: rate } = await admin.admin.taxRate.create({
      tax_region_id: regions[0]!.id,
      name: "Moms",
      code: "DK25",
      rate: 25,
      is_default: true,
    });
    try {
      const customer = await createCustomer();
      const cartId = (
        (await post("/admin/tradepost/carts", { customer_id: customer.id, metadata: { organisation_id: "org-t" } }))
          .json.cart as TCart
      ).id;
      const added = await post(`/admin/tradepost/carts/${cartId}/line-items`, {
        variant_id: await variantId("TBL-ATELIER-OAK"),
        quantity: 2,
        unit_price: 100,
      });
      const line = (added.json.cart as { items: { id: string }[] }).items[0]!;
      const address = { company: "Hygge ApS", address_1: "Havnegade 1", city: "København", country_code: "dk" };
      const placed = await post(`/admin/tradepost/carts/${cartId}/complete`, {
        email: customer.email,
        shipping_address: address,
        billing_address: address,
        shipping: { name: "Tradepost freight", amount: 40 },
        metadata: {},
        lines: [{ id: line.id, unit_price: 1000, metadata: {} }],
      });
      expect(placed.status).toBe(201);

      const { order } = (await admin.admin.order.retrieve((placed.json.order as { id: string }).id, {
        fields:
          "id,total,tax_total,*items,*items.tax_lines,*shipping_methods,*shipping_methods.tax_lines,*payment_collections",
      })) as unknown as {
        order: {
          total: number;
          tax_total: number;
          items: { tax_lines: { code: string; rate: number }[] }[];
          shipping_methods: { tax_lines: { code: string; rate: number }[] }[];
          payment_collections: { amount: number }[];
        };
      };
      expect(order.items.map((item) => item.tax_lines)).toMatchObject([[{ code: "DK25", rate: 25 }]]);
      expect(order.shipping_methods.map((method) => method.tax_lines)).toMatchObject([[{ code: "DK25", rate: 25 }]]);
      // 2 × 1,000 + 40 shipping, 25 % on all of it.
      expect([order.tax_total, order.total]).toEqual([510, 2550]);
      expect(order.payment_collections).toMatchObject([{ amount: 2550 }]);
    } finally {
      await admin.admin.taxRate.delete(rate.id);
    }
  });
});
