import "server-only";
import { AppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { ensureExternalRecord } from "@/server/integrations/ensure-external-record";
import { adoptMedusaCustomer, createMedusaCustomer, findMedusaCustomerByEmail } from "@/server/medusa/customers";

/** The buyer's Medusa customer id, created on first need and linked in the external-ID table (exactly once). */
export async function ensureMedusaCustomer(user: TSessionUser): Promise<string> {
  if (!user.organisationId) throw new AppError("FORBIDDEN", "Only buyers of an organisation have a cart.");
  const buyer = { email: user.email, name: user.name, companyName: user.organisationName ?? "", userId: user.id, organisationId: user.organisationId };

  return ensureExternalRecord(
    { system: "MEDUSA", entityType: "user", localId: user.id },
    {
      find: async () => {
        const existing = await findMedusaCustomerByEmail(user.email);

        return existing ? (await adoptMedusaCustomer(existing, buyer)).id : null;
      },
      create: async () => (await createMedusaCustomer(buyer)).id,
    },
  );
}
