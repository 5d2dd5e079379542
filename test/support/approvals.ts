// Organisations with a buyer, an org admin and an approver, approval rules, and orders (pending
// approval with their steps, or placed) written straight into the database: what the approval
// integration tests decide on.
import { randomUUID } from "node:crypto";
import { createOrganisationWithMembers, createUser } from "../../prisma/seed/factories";
import { testDb } from "./db";
import type { ApprovalCondition, OrderStatus, Role } from "@/generated/prisma/enums";

const db = testDb();

export type TOrg = Awaited<ReturnType<typeof createOrganisationWithMembers>> & {
  approver: Awaited<ReturnType<typeof createUser>>;
};

export async function organisation(): Promise<TOrg> {
  const org = await createOrganisationWithMembers(db);
  const approver = await createUser(db, { role: "APPROVER", organisationId: org.organisation.id });
  return { ...org, approver };
}

export async function rule(organisationId: string, position: number, condition: ApprovalCondition, extra = {}) {
  return db.approvalRule.create({
    data: { organisationId, position, condition, approverRole: "APPROVER", ...extra },
  });
}

export async function order(
  org: TOrg,
  {
    buyerId = org.buyer.id,
    status = "PENDING_APPROVAL" as OrderStatus,
    totalMinor = 100_000,
    submittedAt = new Date(),
    expiresAt = new Date(Date.now() + 72 * 3_600_000),
    odooAddressId = 7,
    steps = [] as Role[],
  } = {},
) {
  return db.order.create({
    data: {
      reference: `TP-T${randomUUID().slice(0, 8)}`,
      organisationId: org.organisation.id,
      buyerId,
      status,
      currency: "EUR",
      subtotalMinor: totalMinor,
      shippingMinor: 0,
      taxMinor: 0,
      totalMinor,
      shippingAddress: { name: "Main office" },
      odooAddressId,
      submittedAt,
      approvalExpiresAt: status === "PENDING_APPROVAL" ? expiresAt : null,
      lines: {
        create: [
          {
            position: 1,
            sku: "TBL-1",
            title: "Table",
            description: "Oak, 160 cm",
            quantity: 1,
            unitPriceMinor: totalMinor,
            lineTotalMinor: totalMinor,
            breakdown: {},
          },
        ],
      },
      approvalSteps: {
        create: steps.map((requiredRole, i) => ({ position: i + 1, reason: `Rule ${i + 1}`, requiredRole })),
      },
    },
    include: { approvalSteps: { orderBy: { position: "asc" } } },
  });
}
