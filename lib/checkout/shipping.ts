import { computeShippingCost, type TShippingCarrier, type TShippingLine } from "@/lib/erp/shipping-cost";

// Which cached Odoo carriers can deliver to an address, and at what price: computed locally from
// the carriers' rules (lib/erp/shipping-cost), never by asking Odoo on the buyer's path.

export type TCarrierChoice = { id: number; name: string; priceMinor: number; free: boolean };

export type TCarrierFacts = TShippingCarrier & { id: number; name: string };

export function carrierChoices(
  carriers: readonly TCarrierFacts[],
  cart: { currency: string; countryCode: string; amountMinor: number; lines: TShippingLine[] },
): TCarrierChoice[] {
  return carriers.flatMap((carrier) => {
    const cost = computeShippingCost(carrier, cart);

    return cost.available ? [{ id: carrier.id, name: carrier.name, priceMinor: cost.priceMinor, free: cost.free }] : [];
  });
}

/**
 * A priced line as the carrier rules see it: Odoo's weight per unit (carried by the catalogue
 * import into Medusa's variant weight); volume is not in the catalogue, so volume rules see 0.
 */
export function shippingLine(line: { quantity: number; weightKg: number }): TShippingLine {
  return { quantity: line.quantity, weightKg: line.weightKg, volumeM3: 0 };
}
