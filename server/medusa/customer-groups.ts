import "server-only";
import { z } from "zod";
import { callMedusa } from "@/server/medusa/call";
import { getMedusaAdmin } from "@/server/medusa/client";

// Each organisation is a customer group in Medusa, so the merchant sees who belongs to
// which company in Medusa's admin and can target them there (price lists, promotions).
// Group names are unique in Medusa: the organisation's name finds its group.

const ZGroup = z.object({
  id: z.string(),
  name: z.string().nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
const ZGroupList = z.object({ customer_groups: z.array(ZGroup) });
const ZGroupResponse = z.object({ customer_group: ZGroup });

type TOrganisation = { id: string; name: string };

/** The organisation's group, found by name; one made by hand in Medusa is adopted (tagged with our id). */
export async function findMedusaCustomerGroup(organisation: TOrganisation): Promise<string | null> {
  const { customer_groups: groups } = await callMedusa("admin.customerGroup.list", ZGroupList, () =>
    getMedusaAdmin().admin.customerGroup.list({ name: organisation.name, fields: "id,name,metadata", limit: 1 }),
  );
  const group = groups[0];
  if (!group) return null;
  if (group.metadata?.organisation_id !== organisation.id) {
    await callMedusa("admin.customerGroup.update", ZGroupResponse, () =>
      getMedusaAdmin().admin.customerGroup.update(group.id, {
        metadata: { ...group.metadata, organisation_id: organisation.id },
      }),
    );
  }

  return group.id;
}

export async function createMedusaCustomerGroup(organisation: TOrganisation): Promise<string> {
  const { customer_group: group } = await callMedusa("admin.customerGroup.create", ZGroupResponse, () =>
    getMedusaAdmin().admin.customerGroup.create({
      name: organisation.name,
      metadata: { organisation_id: organisation.id },
    }),
  );

  return group.id;
}

/** Puts a customer in the group (nothing changes if it is there already). */
export async function addCustomerToGroup(groupId: string, customerId: string): Promise<void> {
  await callMedusa("admin.customerGroup.batchCustomers", ZGroupResponse, () =>
    getMedusaAdmin().admin.customerGroup.batchCustomers(groupId, { add: [customerId] }),
  );
}
