// Demo business data in Odoo, as a company would have it before Tradepost is switched on: the
// demo organisations' company partners (their Odoo `ref` is the organisation's id, which is
// how Tradepost links them), delivery and invoice addresses, credit limits, the catalogue's
// products by SKU and stock for the standard ones. Written through Odoo's JSON-2 API like any
// integration would (so it works on a real Odoo 19 too), and idempotent: each record is looked
// up by its reference first. The worker's reconciliation then brings it all into the ERP cache.
import { DEMO_PRODUCTS } from "../medusa/src/scripts/seed/demo-products";

type TOdoo = { url: string; db: string; apiKey: string };
type TDemoCustomer = {
  organisationId: string;
  name: string;
  vat: string;
  creditLimit: number;
  address: TAddress;
  children: (TAddress & { ref: string; type: "delivery" | "invoice"; name: string })[];
};
type TAddress = { street: string; zip: string; city: string; country: string; phone?: string };

async function call<T>(odoo: TOdoo, model: string, method: string, body: Record<string, unknown>): Promise<T> {
  const response = await fetch(`${odoo.url}/json/2/${model}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `bearer ${odoo.apiKey}`, "x-odoo-database": odoo.db },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Odoo ${model}.${method} answered ${response.status}: ${text.slice(0, 300)}`);

  return JSON.parse(text) as T;
}

const searchOne = async (odoo: TOdoo, model: string, domain: unknown[]) =>
  (await call<number[]>(odoo, model, "search", { domain, limit: 1, context: { active_test: false } }))[0] ?? null;

async function ensure(odoo: TOdoo, model: string, domain: unknown[], values: Record<string, unknown>): Promise<number> {
  const found = await searchOne(odoo, model, domain);
  if (found) return found;

  return (await call<number[]>(odoo, model, "create", { vals_list: [values] }))[0]!;
}

async function addressValues(odoo: TOdoo, address: TAddress) {
  const countryId = await searchOne(odoo, "res.country", [["code", "=", address.country]]);

  return {
    street: address.street,
    zip: address.zip,
    city: address.city,
    country_id: countryId ?? false,
    phone: address.phone ?? false,
  };
}

export function demoCustomers(organisations: Record<string, string>): TDemoCustomer[] {
  return [
    {
      organisationId: organisations["Acme Interiors"]!,
      name: "Acme Interiors GmbH",
      vat: "DE811907980",
      creditLimit: 25_000,
      address: { street: "Friedrichstraße 68", zip: "10117", city: "Berlin", country: "DE", phone: "+49 30 1234567" },
      children: [
        {
          ref: "ACME-DEL-HH",
          type: "delivery",
          name: "Hamburg showroom",
          street: "Große Elbstraße 145",
          zip: "22767",
          city: "Hamburg",
          country: "DE",
        },
        {
          ref: "ACME-DEL-MUC",
          type: "delivery",
          name: "Munich workshop",
          street: "Landsberger Straße 290",
          zip: "80687",
          city: "München",
          country: "DE",
        },
        {
          ref: "ACME-INV",
          type: "invoice",
          name: "Accounts payable",
          street: "Friedrichstraße 68",
          zip: "10117",
          city: "Berlin",
          country: "DE",
        },
      ],
    },
    {
      organisationId: organisations["Borealis Fitouts"]!,
      name: "Borealis Fitouts AB",
      vat: "SE556677889901",
      creditLimit: 10_000,
      address: { street: "Sveavägen 44", zip: "11134", city: "Stockholm", country: "SE", phone: "+46 8 555 010 00" },
      children: [
        {
          ref: "BOREALIS-DEL-GBG",
          type: "delivery",
          name: "Gothenburg site",
          street: "Lindholmspiren 7",
          zip: "41756",
          city: "Göteborg",
          country: "SE",
        },
      ],
    },
  ];
}

// Standard products are kept in stock; made-to-order ones are not.
const DEMO_STOCK: Record<string, number> = {
  "ACC-FEET-M8": 140,
  "ACC-TRAY-800": 36,
  "CBL-PATCH-10": 0,
  "ACC-SCREEN-1200": 12,
  "ACC-SCREEN-1600": 4,
  "ACC-GROMMET-80": 60,
};

/** Makes Odoo hold the demo customers, products and stock (nothing changes when it already does). */
export async function seedOdooDemoData(odoo: TOdoo, organisations: Record<string, string>): Promise<void> {
  // The demo store sells in euros: so does the demo company (a fresh Odoo starts in US dollars).
  const euro = await searchOne(odoo, "res.currency", [["name", "=", "EUR"]]);
  const [company] = await call<{ id: number; currency_id: [number, string] | false }[]>(
    odoo,
    "res.company",
    "search_read",
    {
      domain: [],
      fields: ["currency_id"],
      limit: 1,
      order: "id",
    },
  );
  if (euro && company && (company.currency_id === false || company.currency_id[0] !== euro)) {
    await call(odoo, "res.company", "write", { ids: [company.id], vals: { currency_id: euro } });
  }
  for (const customer of demoCustomers(organisations)) {
    const companyId = await ensure(
      odoo,
      "res.partner",
      [
        ["ref", "=", customer.organisationId],
        ["is_company", "=", true],
      ],
      {
        name: customer.name,
        is_company: true,
        ref: customer.organisationId,
        vat: customer.vat,
        credit_limit: customer.creditLimit,
        ...(await addressValues(odoo, customer.address)),
      },
    );
    for (const child of customer.children) {
      await ensure(odoo, "res.partner", [["ref", "=", child.ref]], {
        parent_id: companyId,
        ref: child.ref,
        type: child.type,
        name: child.name,
        ...(await addressValues(odoo, child)),
      });
    }
  }
  const [stockLocation] = await call<number[]>(odoo, "stock.location", "search", {
    domain: [["usage", "=", "internal"]],
    limit: 1,
    order: "id",
  });
  for (const product of DEMO_PRODUCTS) {
    for (const variant of product.variants) {
      const productId = await ensure(odoo, "product.product", [["default_code", "=", variant.sku]], {
        name: product.title,
        default_code: variant.sku,
        description_sale: product.description || false,
        list_price: variant.price,
        is_storable: !product.configurable,
        sale_ok: true,
      });
      const quantity = DEMO_STOCK[variant.sku];
      if (quantity === undefined || !stockLocation) continue;
      const counted = await searchOne(odoo, "stock.quant", [
        ["product_id", "=", productId],
        ["location_id", "=", stockLocation],
      ]);
      if (counted || quantity === 0) continue;
      const [quantId] = await call<number[]>(odoo, "stock.quant", "create", {
        vals_list: [{ product_id: productId, location_id: stockLocation, inventory_quantity: quantity }],
      });
      await call(odoo, "stock.quant", "action_apply_inventory", { ids: [quantId] });
    }
  }
}
