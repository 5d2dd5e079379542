// The catalogue import (J10) from the Odoo emulator into the real Medusa backend: products
// created, changed and archived in Odoo appear, change and disappear in the store API, linked
// by external id; a second pass changes nothing; a product that exists only in Medusa, and a
// demo product's metadata, are left as they are.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { medusaAdmin } from "../../test/support/cart";
import { testDb } from "../../test/support/db";
import { useOdooEmulator } from "../../test/support/odoo-gateway";
import { createProductReconciler } from "@/server/catalog/odoo-product-reconciler";
import { processOdooProductTemplate } from "@/server/catalog/process-odoo-product";
import { syncOdooProduct } from "@/server/catalog/sync-odoo-product";
import { runReconciliation } from "@/server/integrations/run-reconciliation";
import { getAdminProductBySku } from "@/server/medusa/admin-products";
import { getMedusaStore } from "@/server/medusa/client";

const db = testDb();
const emulator = useOdooEmulator();
const RUN = randomUUID().slice(0, 8).toUpperCase();
const sku = (name: string) => `IMP-${RUN}-${name}`;
const created = new Set<string>();
let second = 0;
/** The emulator's clock one second on: each change gets its own write_date, as a person's edits would. */
const tick = () => emulator.freezeClock(`2026-12-03 10:00:${String(++second).padStart(2, "0")}`);

// Each test starts a fresh Odoo whose ids start again: forget the links to the previous one.
beforeEach(() => db.externalLink.deleteMany({ where: { entityType: "variant" } }));

// The Medusa backend is shared by the whole test run: leave no imported product behind.
afterEach(async () => {
  for (const id of created) await medusaAdmin.admin.product.delete(id).catch(() => undefined);
  created.clear();
});
afterAll(() => db.$disconnect());

const ZStore = z.object({
  products: z.array(
    z.object({
      id: z.string(),
      handle: z.string(),
      title: z.string(),
      variants: z.array(z.object({ sku: z.string().nullish() })).nullish(),
    }),
  ),
});
/** What a buyer's store API shows under a handle (published products in the store's sales channel only). */
async function inStore(handle: string) {
  const { products } = ZStore.parse(
    await getMedusaStore().store.product.list({ handle, fields: "id,handle,title,*variants", limit: 1 }),
  );

  return products[0] ?? null;
}

async function createInOdoo(values: Record<string, unknown>) {
  const client = emulator.client("json2");
  const [id] = await client.create("product.product", { type: "consu", is_storable: true, ...values });

  return id!;
}

const reconcile = () => runReconciliation(createProductReconciler(emulator.client("json2")));

describe("catalogue import from Odoo", () => {
  it("creates, updates and unpublishes products in Medusa, linked by external id; a second pass changes nothing", async () => {
    await tick();
    const chair = await createInOdoo({
      name: "Import Chair",
      default_code: sku("CHAIR"),
      description_sale: "Oak frame, linen seat.",
      list_price: 149.5,
      weight: 7.25,
    });
    await createInOdoo({ name: "Assembly", default_code: sku("SVC"), type: "service", list_price: 40 });
    await createInOdoo({ name: "Internal part", default_code: sku("PART"), sale_ok: false });
    await createInOdoo({ name: "No reference" });

    const first = await reconcile();
    expect(first).toMatchObject({ failed: 0, changed: 1 });
    const stored = await getAdminProductBySku(sku("CHAIR"));
    created.add(stored!.id);
    const handle = stored!.handle;
    expect(stored).toMatchObject({
      title: "Import Chair",
      description: "Oak frame, linen seat.",
      status: "published",
      externalId: `odoo:product.product:${chair}`,
    });
    expect(stored!.variants).toEqual([
      expect.objectContaining({ sku: sku("CHAIR"), title: "Import Chair", weight: 7250 }),
    ]);
    expect(stored!.variants[0]!.prices).toEqual([expect.objectContaining({ currency_code: "eur", amount: 149.5 })]);
    expect(await inStore(handle)).toMatchObject({ id: stored!.id, title: "Import Chair" });
    for (const code of ["SVC", "PART"]) expect(await getAdminProductBySku(sku(code))).toBeNull();
    expect(await db.externalLink.findMany({ where: { localId: sku("CHAIR") }, orderBy: { system: "asc" } })).toEqual([
      expect.objectContaining({ system: "MEDUSA", entityType: "variant", externalId: stored!.variants[0]!.id }),
      expect.objectContaining({ system: "ODOO", entityType: "variant", externalId: String(chair) }),
    ]);

    // The same record synced again (a webhook after the pass) changes nothing; nor does a full second import.
    expect(await syncOdooProduct({ odooId: chair }, emulator.client("json2"))).toMatchObject({ outcome: "UNCHANGED" });
    await db.syncCursor.delete({ where: { name: "odoo.product.product" } });
    expect(await reconcile()).toEqual({ read: 3, changed: 0, unchanged: 3, failed: 0, pages: 1 });
    expect(await getAdminProductBySku(sku("CHAIR"))).toEqual(stored);

    const client = emulator.client("json2");
    await tick();
    await client.write("product.product", [chair], {
      name: "Import Chair Pro",
      description_sale: "Oak frame, leather seat.",
      list_price: 159,
      weight: 7.5,
    });
    expect(await reconcile()).toMatchObject({ read: 1, changed: 1, failed: 0 });
    const changed = await getAdminProductBySku(sku("CHAIR"));
    expect(changed).toMatchObject({
      id: stored!.id,
      title: "Import Chair Pro",
      description: "Oak frame, leather seat.",
      handle: stored!.handle,
    });
    expect(changed!.variants[0]).toMatchObject({ weight: 7500, prices: [expect.objectContaining({ amount: 159 })] });
    expect(await inStore(handle)).toMatchObject({ title: "Import Chair Pro" });

    await tick();
    await client.write("product.product", [chair], { active: false });
    await reconcile();
    expect(await getAdminProductBySku(sku("CHAIR"))).toMatchObject({ id: stored!.id, status: "draft" });
    expect(await inStore(handle)).toBeNull();
    expect(await syncOdooProduct({ odooId: chair }, client)).toMatchObject({ outcome: "UNCHANGED" });

    await tick();
    await client.write("product.product", [chair], { active: true });
    await reconcile();
    expect(await inStore(handle)).toMatchObject({ id: stored!.id });

    await tick();
    await client.write("product.product", [chair], { sale_ok: false });
    await reconcile();
    expect(await inStore(handle)).toBeNull();

    const runs = await db.syncRun.findMany({ where: { kind: "odoo.product.sync", externalId: String(chair) } });
    expect(runs.map((run) => (run.detail as { action?: string }).action)).toEqual(
      expect.arrayContaining(["created", "updated", "archived", "restored"]),
    );
  });

  it("leaves a Medusa-only product alone, and on a demo product changes only the price of the SKU Odoo has", async () => {
    const before = await getAdminProductBySku("TBL-ATELIER-OAK");
    const cable = await getAdminProductBySku("CBL-ASSY-CAT6A");
    expect(before).not.toBeNull();
    const price = before!.variants.find((variant) => variant.sku === "TBL-ATELIER-OAK")!.prices[0]!.amount;
    const odooId = await createInOdoo({
      name: "Odoo name of the oak table",
      default_code: "TBL-ATELIER-OAK",
      list_price: price + 1,
    });
    try {
      await syncOdooProduct({ odooId }, emulator.client("json2"));
      const after = await getAdminProductBySku("TBL-ATELIER-OAK");
      expect(after).toMatchObject({
        title: before!.title,
        status: "published",
        handle: before!.handle,
        metadata: before!.metadata,
      });
      const oak = after!.variants.find((variant) => variant.sku === "TBL-ATELIER-OAK")!;
      expect(oak.title).toBe(before!.variants.find((variant) => variant.sku === "TBL-ATELIER-OAK")!.title);
      expect(oak.prices[0]!.amount).toBe(price + 1);
      expect(await getAdminProductBySku("CBL-ASSY-CAT6A")).toEqual(cable);
      // Archived in Odoo: the table still has SKUs Odoo does not know, so it stays published.
      await emulator.client("json2").write("product.product", [odooId], { active: false });
      await syncOdooProduct({ odooId }, emulator.client("json2"));
      expect(await getAdminProductBySku("TBL-ATELIER-OAK")).toMatchObject({ status: "published" });
    } finally {
      // Put the demo price back for the tests that follow in this run.
      const product = (await getAdminProductBySku("TBL-ATELIER-OAK"))!;
      const variant = product.variants.find((candidate) => candidate.sku === "TBL-ATELIER-OAK")!;
      await medusaAdmin.admin.product.updateVariant(product.id, variant.id, {
        prices: variant.prices.map((item) => ({ id: item.id, currency_code: item.currency_code, amount: price })),
      });
    }
  });

  it("syncs a template's variants when Odoo's product form writes the template", async () => {
    const lamp = await createInOdoo({ name: "Import Lamp", default_code: sku("LAMP"), list_price: 30 });
    const client = emulator.client("json2");
    const [template] = await client.read(
      "product.product",
      [lamp],
      ["product_tmpl_id"],
      z.object({ product_tmpl_id: z.tuple([z.number(), z.string()]) }),
    );
    const delivery = {
      id: randomUUID(),
      source: "odoo",
      subjectType: "product.template",
      subjectId: String(template!.product_tmpl_id[0]),
      body: "{}",
      receivedAt: new Date(),
    };

    expect(await processOdooProductTemplate(delivery, client)).toMatchObject({ outcome: "CHANGED" });
    const product = await getAdminProductBySku(sku("LAMP"));
    created.add(product!.id);
    expect(product).toMatchObject({ title: "Import Lamp", status: "published" });
    expect(await processOdooProductTemplate(delivery, client)).toMatchObject({ outcome: "UNCHANGED" });
  });
});
