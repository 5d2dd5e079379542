import type { MedusaContainer } from "@medusajs/framework/types";
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils";
import {
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createStoresWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows";

// Each step looks for what it would create (by name) and creates only what is missing,
// so the seed can run any number of times.

export const COUNTRIES = ["de", "nl", "be", "fr", "at", "dk", "lu"];
const SALES_CHANNEL = "Tradepost B2B";
const REGION = "Europe (EUR)";
const LOCATION = "Main warehouse";
const FULFILLMENT_SET = "Main warehouse delivery";
const SHIPPING_OPTION = "Standard delivery";

export type TStoreSetup = { salesChannelId: string; regionId: string; shippingProfileId: string };

export async function ensureStoreSetup(container: MedusaContainer): Promise<TStoreSetup> {
  const salesChannelId = await ensureSalesChannel(container);
  const regionId = await ensureRegion(container);
  await ensureStore(container, { salesChannelId, regionId });
  await ensureTaxRegions(container);
  const shippingProfileId = await ensureShippingProfile(container);
  await ensureWarehouseAndShipping(container, { salesChannelId, regionId, shippingProfileId });

  return { salesChannelId, regionId, shippingProfileId };
}

async function ensureSalesChannel(container: MedusaContainer): Promise<string> {
  const service = container.resolve(Modules.SALES_CHANNEL);
  const [existing] = await service.listSalesChannels({ name: SALES_CHANNEL });
  if (existing) return existing.id;
  const { result } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: SALES_CHANNEL, description: "Orders placed through Tradepost" }] },
  });

  return result[0]!.id;
}

async function ensureRegion(container: MedusaContainer): Promise<string> {
  const service = container.resolve(Modules.REGION);
  const [existing] = await service.listRegions({ name: REGION });
  if (existing) return existing.id;
  const { result } = await createRegionsWorkflow(container).run({
    input: {
      regions: [{ name: REGION, currency_code: "eur", countries: COUNTRIES, payment_providers: ["pp_system_default"] }],
    },
  });

  return result[0]!.id;
}

async function ensureStore(
  container: MedusaContainer,
  { salesChannelId, regionId }: { salesChannelId: string; regionId: string },
) {
  const service = container.resolve(Modules.STORE);
  const [store] = await service.listStores({}, { take: 1 });
  const settings = {
    name: "Tradepost",
    supported_currencies: [{ currency_code: "eur", is_default: true }],
    default_sales_channel_id: salesChannelId,
    default_region_id: regionId,
  };
  if (!store) {
    await createStoresWorkflow(container).run({ input: { stores: [settings] } });
  } else if (store.default_sales_channel_id !== salesChannelId || store.default_region_id !== regionId) {
    await updateStoresWorkflow(container).run({ input: { selector: { id: store.id }, update: settings } });
  }
}

async function ensureTaxRegions(container: MedusaContainer) {
  const service = container.resolve(Modules.TAX);
  const existing = await service.listTaxRegions({ country_code: COUNTRIES });
  const missing = COUNTRIES.filter(
    (code) => !existing.some((region) => region.country_code === code && !region.parent_id),
  );
  if (missing.length) {
    await createTaxRegionsWorkflow(container).run({
      input: missing.map((country_code) => ({ country_code, provider_id: "tp_system" })),
    });
  }
}

async function ensureShippingProfile(container: MedusaContainer): Promise<string> {
  const service = container.resolve(Modules.FULFILLMENT);
  const [existing] = await service.listShippingProfiles({ type: "default" });
  if (existing) return existing.id;
  const { result } = await createShippingProfilesWorkflow(container).run({
    input: { data: [{ name: "Default", type: "default" }] },
  });

  return result[0]!.id;
}

async function ensureWarehouseAndShipping(
  container: MedusaContainer,
  ids: { salesChannelId: string; regionId: string; shippingProfileId: string },
) {
  const link = container.resolve(ContainerRegistrationKeys.LINK);
  const locations = container.resolve(Modules.STOCK_LOCATION);
  const fulfillment = container.resolve(Modules.FULFILLMENT);
  let [location] = await locations.listStockLocations({ name: LOCATION });
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: {
        locations: [{ name: LOCATION, address: { address_1: "Industrieweg 12", city: "Utrecht", country_code: "NL" } }],
      },
    });
    location = result[0]!;
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    });
    await linkSalesChannelsToStockLocationWorkflow(container).run({
      input: { id: location.id, add: [ids.salesChannelId] },
    });
  }

  let [fulfillmentSet] = await fulfillment.listFulfillmentSets(
    { name: FULFILLMENT_SET },
    { relations: ["service_zones"] },
  );
  if (!fulfillmentSet) {
    fulfillmentSet = await fulfillment.createFulfillmentSets({
      name: FULFILLMENT_SET,
      type: "shipping",
      service_zones: [
        {
          name: "EU delivery",
          geo_zones: COUNTRIES.map((country_code) => ({ country_code, type: "country" as const })),
        },
      ],
    });
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    });
  }

  const [option] = await fulfillment.listShippingOptions({ name: SHIPPING_OPTION });
  if (option) return;
  await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: SHIPPING_OPTION,
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0]!.id,
        shipping_profile_id: ids.shippingProfileId,
        type: { label: "Standard", description: "Delivered in 3–5 working days.", code: "standard" },
        prices: [
          { currency_code: "eur", amount: 25 },
          { region_id: ids.regionId, amount: 25 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  });
}
