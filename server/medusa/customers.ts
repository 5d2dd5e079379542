import "server-only";
import { callMedusa } from "@/server/medusa/call";
import { getMedusaAdmin } from "@/server/medusa/client";
import { ZMedusaCustomerList, ZMedusaCustomerResponse, type TMedusaCustomer } from "@/server/medusa/types";

// Medusa customers for Tradepost's buyers. A buyer's email is unique in Tradepost, and
// Medusa allows one customer without an account per email, so the email identifies the
// buyer's customer there: look it up before creating one.

type TBuyer = { email: string; name: string; companyName: string; userId: string; organisationId: string };

export async function findMedusaCustomerByEmail(email: string): Promise<TMedusaCustomer | null> {
  const { customers } = await callMedusa("admin.customer.list", ZMedusaCustomerList, () =>
    getMedusaAdmin().admin.customer.list({ email, fields: "id,email,metadata", limit: 1 }),
  );

  return customers[0] ?? null;
}

const metadataOf = (buyer: TBuyer) => ({ tradepost_user_id: buyer.userId, organisation_id: buyer.organisationId });

export async function createMedusaCustomer(buyer: TBuyer): Promise<TMedusaCustomer> {
  const [firstName, ...rest] = buyer.name.split(" ");
  const { customer } = await callMedusa("admin.customer.create", ZMedusaCustomerResponse, () =>
    getMedusaAdmin().admin.customer.create({
      email: buyer.email,
      first_name: firstName,
      last_name: rest.join(" ") || undefined,
      company_name: buyer.companyName,
      metadata: metadataOf(buyer),
    }),
  );

  return customer;
}

/** Points an existing customer (found by email) at the buyer, e.g. after Tradepost's database was rebuilt. */
export async function adoptMedusaCustomer(customer: TMedusaCustomer, buyer: TBuyer): Promise<TMedusaCustomer> {
  if (
    customer.metadata?.tradepost_user_id === buyer.userId &&
    customer.metadata?.organisation_id === buyer.organisationId
  )
    return customer;
  const { customer: updated } = await callMedusa("admin.customer.update", ZMedusaCustomerResponse, () =>
    getMedusaAdmin().admin.customer.update(customer.id, {
      company_name: buyer.companyName,
      metadata: { ...customer.metadata, ...metadataOf(buyer) },
    }),
  );

  return updated;
}
