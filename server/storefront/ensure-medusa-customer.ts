import "server-only";
import { AppError } from "@/lib/errors";
import type { TSessionUser } from "@/server/auth/session";
import { ensureExternalRecord } from "@/server/integrations/ensure-external-record";
import {
  addCustomerToGroup,
  createMedusaCustomerGroup,
  findMedusaCustomerGroup,
} from "@/server/medusa/customer-groups";
import { adoptMedusaCustomer, createMedusaCustomer, findMedusaCustomerByEmail } from "@/server/medusa/customers";

/** The organisation's Medusa customer group, created on first need and linked in the external-ID table (exactly once). */
export async function ensureMedusaCustomerGroup(organisation: { id: string; name: string }): Promise<string> {
  return ensureExternalRecord(
    { system: "MEDUSA", entityType: "organisation", localId: organisation.id },
    { find: () => findMedusaCustomerGroup(organisation), create: () => createMedusaCustomerGroup(organisation) },
  );
}

/**
 * The buyer's Medusa customer id, created on first need and linked in the external-ID table
 * (exactly once), in their organisation's customer group. Membership is settled before the
 * link is written, so a failure there is repaired by the next request.
 */
export async function ensureMedusaCustomer(user: TSessionUser): Promise<string> {
  if (!user.organisationId) throw new AppError("FORBIDDEN", "Only buyers of an organisation have a cart.");
  const organisation = { id: user.organisationId, name: user.organisationName ?? user.organisationId };
  const buyer = {
    email: user.email,
    name: user.name,
    companyName: organisation.name,
    userId: user.id,
    organisationId: organisation.id,
  };
  const inGroup = async (customerId: string) => {
    await addCustomerToGroup(await ensureMedusaCustomerGroup(organisation), customerId);

    return customerId;
  };

  return ensureExternalRecord(
    { system: "MEDUSA", entityType: "user", localId: user.id },
    {
      find: async () => {
        const existing = await findMedusaCustomerByEmail(user.email);

        return existing ? inGroup((await adoptMedusaCustomer(existing, buyer)).id) : null;
      },
      create: async () => inGroup((await createMedusaCustomer(buyer)).id),
    },
  );
}
