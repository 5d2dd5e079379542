import "server-only";
import { z } from "zod";
import type { OdooClient } from "@/server/odoo/client";
import { getCountryCodes } from "@/server/odoo/countries";
import { invalidResponse } from "@/server/odoo/errors";
import {
  fieldsOf,
  odooBoolean,
  odooDatetime,
  odooIds,
  odooMany2one,
  odooMoney,
  odooNumber,
  odooRecord,
  odooSelection,
  odooText,
  toMinorUnits,
} from "@/server/odoo/mappers";
import { withAppErrors } from "@/server/odoo/to-app-error";

// delivery.carrier (module `delivery`): shipping methods with a fixed price, or with price
// rules on weight, volume, price or quantity. A rule-based carrier reads fixed_price 0.

const CARRIER = {
  name: odooText,
  sequence: odooNumber,
  delivery_type: odooSelection(["fixed", "base_on_rule"]),
  fixed_price: odooMoney,
  product_id: odooMany2one,
  country_ids: odooIds,
  price_rule_ids: odooIds,
  free_over: odooBoolean,
  amount: odooMoney,
  active: odooBoolean,
};
const CARRIER_FIELDS = fieldsOf(CARRIER);

const ZCarrier = odooRecord(CARRIER).transform((c) => ({
  id: c.id,
  name: c.name ?? "",
  deliveryType: c.delivery_type,
  fixedPriceMinor: c.fixed_price,
  productId: c.product_id?.id ?? null,
  countryIds: c.country_ids,
  priceRuleIds: c.price_rule_ids,
  freeOverMinor: c.free_over ? c.amount : null,
  active: c.active,
}));

const VARIABLES = ["weight", "volume", "wv", "price", "quantity"] as const;

const RULE = {
  carrier_id: odooMany2one,
  sequence: odooNumber,
  variable: odooSelection(VARIABLES),
  operator: odooSelection(["==", "<=", "<", ">=", ">"]),
  max_value: odooNumber,
  list_base_price: odooMoney,
  list_price: odooMoney,
  variable_factor: odooSelection(VARIABLES),
};
const RULE_FIELDS = fieldsOf(RULE);

const ZRule = odooRecord(RULE).transform((r) => ({
  id: r.id,
  carrierId: r.carrier_id?.id ?? 0,
  sequence: r.sequence,
  // "if <variable> <operator> <maxValue> then <basePrice> + <pricePerUnit> × <variableFactor>"
  variable: r.variable,
  operator: r.operator,
  maxValue: r.max_value,
  basePriceMinor: r.list_base_price,
  pricePerUnitMinor: r.list_price,
  variableFactor: r.variable_factor,
}));

export type TOdooPriceRule = z.infer<typeof ZRule>;
type TCarrierRecord = z.infer<typeof ZCarrier>;
export type TOdooCarrier = Omit<TCarrierRecord, "countryIds" | "priceRuleIds"> & {
  /** ISO codes the carrier ships to; empty: everywhere. */
  countryCodes: string[];
  /** In Odoo's order (sequence, then price): the first rule that matches decides. */
  priceRules: TOdooPriceRule[];
};

/** Active shipping methods (or these ids, active or not) with their price rules. Reads only. */
export function findCarriers(client: OdooClient, { ids }: { ids?: number[] } = {}): Promise<TOdooCarrier[]> {
  return withAppErrors(async () => {
    const carriers = ids
      ? await client.read("delivery.carrier", ids, CARRIER_FIELDS, ZCarrier)
      : await client.searchRead("delivery.carrier", CARRIER_FIELDS, ZCarrier, { order: "sequence asc, id asc" });
    const ruleIds = carriers.flatMap((carrier) => carrier.priceRuleIds);
    const rules = ruleIds.length
      ? await client.searchRead("delivery.price.rule", RULE_FIELDS, ZRule, { domain: [["id", "in", ruleIds]] })
      : [];
    const codes = await getCountryCodes(
      client,
      carriers.flatMap((carrier) => carrier.countryIds),
    );

    return carriers.map(({ countryIds, priceRuleIds, ...carrier }) => ({
      ...carrier,
      countryCodes: countryIds.flatMap((id) => (codes.has(id) ? [codes.get(id)!] : [])),
      // search_read keeps the model's order (sequence, list_price, id); filter, not re-sort.
      priceRules: rules.filter((rule) => priceRuleIds.includes(rule.id)),
    }));
  });
}

// For the ERP cache: archived carriers too (the cache marks them inactive), with the write_date
// of the carrier and of its rules (a rule edited on its own does not touch the carrier's).
const WITH_ARCHIVED = { active_test: false };
const ZRaw = z.record(z.string(), z.unknown());
const ZSyncExtras = z.object({ currency_id: odooMany2one, write_date: odooDatetime });
const ZCompanyCurrency = odooRecord({ currency_id: odooMany2one });
// 1.1 × 100 is 110.00000000000001 in floats: six decimals of a cent are more than Odoo keeps.
const fractionalMinor = (amount: number) => Math.round(toMinorUnits(1) * amount * 1e6) / 1e6;

export type TOdooCarrierForSync = TOdooCarrier & {
  /** ISO 4217 code of the prices (the carrier's company currency). */
  currency: string;
  /** The newest write_date of the carrier and its rules. */
  writeDate: Date;
};

/**
 * Every carrier, archived ones included (or these ids; unknown ids are left out), with its rules,
 * countries, currency and the newest write_date of carrier and rules. Reads only.
 */
export function findCarriersForSync(
  client: OdooClient,
  { ids }: { ids?: number[] } = {},
): Promise<TOdooCarrierForSync[]> {
  return withAppErrors(async () => {
    const raw = await client.searchRead("delivery.carrier", [...CARRIER_FIELDS, "currency_id", "write_date"], ZRaw, {
      domain: ids ? [["id", "in", ids]] : [],
      order: "sequence asc, id asc",
      context: WITH_ARCHIVED,
    });
    const carriers = raw.map((record) => ({ ...ZCarrier.parse(record), ...ZSyncExtras.parse(record) }));
    const ruleIds = carriers.flatMap((carrier) => carrier.priceRuleIds);
    const rules = ruleIds.length
      ? (
          await client.searchRead("delivery.price.rule", [...RULE_FIELDS, "write_date"], ZRaw, {
            domain: [["id", "in", ruleIds]],
          })
        ).map((record) => ({
          ...ZRule.parse(record),
          // Rule prices carry Odoo's product-price precision (0.015 per kg): kept as fractional
          // minor units, rounded only once the shipping price is computed, as Odoo rounds the line.
          basePriceMinor: fractionalMinor(odooNumber.parse(record.list_base_price)),
          pricePerUnitMinor: fractionalMinor(odooNumber.parse(record.list_price)),
          writeDate: odooDatetime.parse(record.write_date),
        }))
      : [];
    const codes = await getCountryCodes(
      client,
      carriers.flatMap((carrier) => carrier.countryIds),
    );
    // currency_id is related to the company's and not stored: a database may read it as false.
    const [company] = carriers.some((carrier) => !carrier.currency_id)
      ? await client.searchRead("res.company", ["currency_id"], ZCompanyCurrency, { order: "id asc", limit: 1 })
      : [];

    return carriers.map(({ countryIds, priceRuleIds, currency_id, write_date, ...carrier }) => {
      const own = rules.filter((rule) => priceRuleIds.includes(rule.id));
      const currency = currency_id?.name ?? company?.currency_id?.name;
      if (!currency)
        throw invalidResponse(`delivery.carrier ${carrier.id} has no currency`, { retryable: false, status: 200 });
      const dates = [write_date, ...own.map((rule) => rule.writeDate)].flatMap((date) =>
        date ? [date.getTime()] : [],
      );

      return {
        ...carrier,
        countryCodes: countryIds.flatMap((id) => (codes.has(id) ? [codes.get(id)!] : [])),
        // search_read keeps the rules' model order (sequence, list_price, id): the order Odoo tries them in.
        priceRules: own.map(({ writeDate: _ruleDate, ...rule }) => rule),
        currency,
        writeDate: new Date(Math.max(0, ...dates)),
      };
    });
  });
}
