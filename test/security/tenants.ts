// Two organisations with every kind of row a member can reach by id (members, an invitation, an
// approval rule, an order waiting for approval, a cached Odoo address, a cart), plus staff; and a
// fingerprint of everything one organisation owns, to prove that a refused call changed nothing.
import { randomInt, randomUUID } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client";
import type { Role } from "../../generated/prisma/enums";
import { createOrganisation, createUser } from "../../prisma/seed/factories";
import { seedOrder } from "../support/orders";

export async function createTenant(db: PrismaClient, label: string, { cart: withCart = true } = {}) {
  const organisation = await createOrganisation(db, { name: `Security ${label} ${randomUUID().slice(0, 8)}` });
  const organisationId = organisation.id;
  const [buyer, approver, admin] = await Promise.all([
    createUser(db, { role: "BUYER", organisationId }),
    createUser(db, { role: "APPROVER", organisationId }),
    createUser(db, { role: "ORG_ADMIN", organisationId }),
  ]);
  const rule = await db.approvalRule.create({
    data: { organisationId, position: 1, condition: "TOTAL_ABOVE", amountMinor: 100_000, approverRole: "APPROVER" },
  });
  const waiting = await seedOrder(db, {
    organisationId,
    buyerId: buyer.id,
    status: "PENDING_APPROVAL",
    poNumber: `SEC-${label}-${randomUUID().slice(0, 6)}`,
    approvalExpiresAt: new Date(Date.now() + 86_400_000),
    approvalSteps: [{ reason: "Order total above €1,000.00", requiredRole: "APPROVER", status: "WAITING" }],
  });
  const placed = await seedOrder(db, { organisationId, buyerId: buyer.id, poNumber: `SEC-${label}-PLACED` });
  const step = await db.approvalStep.findFirstOrThrow({ where: { orderId: waiting.id } });
  const invitation = await db.invitation.create({
    data: {
      organisationId,
      email: `invited-${randomUUID().slice(0, 8)}@test.tradepost.example`,
      role: "BUYER",
      tokenHash: randomUUID().replaceAll("-", "").padEnd(64, "0"),
      expiresAt: new Date(Date.now() + 86_400_000),
      invitedById: admin.id,
    },
  });
  const now = new Date();
  const address = await db.erpAddress.create({
    data: {
      odooPartnerId: randomInt(10_000_000, 2_000_000_000),
      organisationId,
      type: "delivery",
      name: `${label} warehouse`,
      street: "Industrieweg 12",
      city: "Utrecht",
      countryCode: "NL",
      odooWriteDate: now,
      syncedAt: now,
    },
  });
  // The cart lives in Medusa; only its id matters here (the id another tenant might send).
  // Without one, the caller's own cart is not looked up in Medusa before the id is compared.
  const medusaCartId = `cart_security_${randomUUID()}`;
  const cart = withCart
    ? await db.buyerCart.create({ data: { userId: buyer.id, organisationId, medusaCartId, currency: "EUR" } })
    : { medusaCartId };

  return { organisation, buyer, approver, admin, rule, waiting, placed, step, invitation, address, cart };
}

export type TTenant = Awaited<ReturnType<typeof createTenant>>;

export async function createStaff(db: PrismaClient) {
  const [dataManager, operator] = await Promise.all([
    createUser(db, { role: "DATA_MANAGER" }),
    createUser(db, { role: "OPERATOR" }),
  ]);

  return { dataManager, operator };
}

/** Everything an organisation owns, as JSON: equal before and after means nothing of it changed. */
export async function fingerprintOf(db: PrismaClient, organisationId: string): Promise<string> {
  const where = { organisationId };
  const rows = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { id: organisationId } }),
    db.user.findMany({ where, orderBy: { id: "asc" } }),
    db.invitation.findMany({ where, orderBy: { id: "asc" } }),
    db.approvalRule.findMany({ where, orderBy: { id: "asc" } }),
    db.order.findMany({ where, orderBy: { id: "asc" }, include: { lines: true, approvalSteps: true } }),
    db.erpAddress.findMany({ where, orderBy: { odooPartnerId: "asc" } }),
    db.addressChangeRequest.findMany({ where, orderBy: { id: "asc" } }),
    db.buyerCart.findMany({ where, orderBy: { userId: "asc" } }),
  ]);

  return JSON.stringify(rows);
}

/** One user of every role: A's members and the staff. */
export function usersByRole(tenant: TTenant, staff: Awaited<ReturnType<typeof createStaff>>): [Role, { id: string }][] {
  return [
    ["BUYER", tenant.buyer],
    ["APPROVER", tenant.approver],
    ["ORG_ADMIN", tenant.admin],
    ["DATA_MANAGER", staff.dataManager],
    ["OPERATOR", staff.operator],
  ];
}

/**
 * Installs pg-boss's schema and queues, as the app's first enqueue does on a fresh database: the
 * operations actions read pgboss.job, and an app that has run has it.
 */
export async function ensureJobSchema(): Promise<void> {
  const { createBoss, ensureQueues } = await import("@/server/jobs/boss");
  const { JOBS } = await import("@/server/jobs/registry");
  const boss = createBoss({ supervise: false, schedule: false });
  await boss.start();
  await ensureQueues(boss, JOBS);
  await boss.stop({ graceful: false });
}
