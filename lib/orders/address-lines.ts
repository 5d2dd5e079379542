import { z } from "zod";

// The delivery address an order keeps is a snapshot of the cached Odoo address (ErpAddress's
// fields). Read leniently: an older or partial snapshot still shows what it has.

const ZText = z.string().trim().min(1).nullish().catch(null);

export const ZAddressSnapshot = z
  .object({
    name: ZText,
    street: ZText,
    street2: ZText,
    zip: ZText,
    city: ZText,
    stateName: ZText,
    countryCode: ZText,
    phone: ZText,
  })
  .catch({});

const countryNames = new Intl.DisplayNames(["en-GB"], { type: "region" });

function countryName(code: string): string {
  try {
    return countryNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** ["Acme Interiors", "Keizersgracht 1", "1015 CJ Amsterdam", "Netherlands"], blank parts left out. */
export function addressLines(snapshot: unknown): string[] {
  const address = ZAddressSnapshot.parse(snapshot ?? {});
  const place = [address.zip, address.city].filter(Boolean).join(" ");

  return [
    address.name,
    address.street,
    address.street2,
    place || null,
    address.stateName,
    address.countryCode ? countryName(address.countryCode) : null,
  ].filter((line): line is string => Boolean(line));
}
