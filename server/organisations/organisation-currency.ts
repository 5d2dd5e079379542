import "server-only";
import { parseAmount } from "@/lib/pricing/units";
import { AppError } from "@/lib/errors";
import { getStoreRegion } from "@/server/catalog/get-store-region";
import { db } from "@/server/db";
import { logger } from "@/server/logger";

/**
 * The currency an organisation's spending limits are in: the store's, which prices every cart
 * and so every order counted against a limit. Read-only; when the store cannot be reached, the
 * organisation's Odoo currency (or EUR) rather than a failing admin page.
 */
export async function getOrganisationCurrency(organisationId: string): Promise<string> {
  try {
    return (await getStoreRegion()).currency.toUpperCase();
  } catch (error) {
    logger.warn({ err: error }, "store region unavailable; spending limits shown in the ERP currency");
    const account = await db.erpCustomer.findUnique({ where: { organisationId }, select: { currency: true } });

    return account?.currency ?? "EUR";
  }
}

/** "5000" / "1250,50" → minor units; "" → null (no limit). A field error when it is not an amount. */
export function parseSpendingLimit(text: string, currency: string): number | null {
  if (!text.trim()) return null;
  const minor = parseAmount(text.trim().replace(",", "."), currency);
  if (minor === null || minor < 0 || minor > 2_000_000_000) {
    throw new AppError("INVALID_INPUT", "Please correct the highlighted fields.", {
      spendingLimit: ["Enter an amount such as 5000 or 1250.50, or leave it empty for no limit."],
    });
  }

  return minor;
}
