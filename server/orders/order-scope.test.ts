import { describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { readableOrders } from "@/server/orders/order-scope";

const session = (role: Role, organisationId: string | null = "org-a") => ({
  id: `user-${role}`,
  email: "someone@example.test",
  name: "Someone",
  role,
  organisationId,
  organisationName: organisationId && "Acme",
});

describe("readableOrders", () => {
  it("is the buyer's own orders within their organisation", () => {
    expect(readableOrders(session("BUYER"))).toEqual({
      organisationId: "org-a",
      OR: [{ buyerId: "user-BUYER" }, { source: "SALES_REP" }],
    });
  });

  it("is the whole organisation for org admins and approvers", () => {
    expect(readableOrders(session("ORG_ADMIN"))).toEqual({ organisationId: "org-a" });
    expect(readableOrders(session("APPROVER"))).toEqual({ organisationId: "org-a" });
  });

  it("is nothing for staff", () => {
    expect(readableOrders(session("OPERATOR", null))).toEqual({ id: { in: [] } });
    expect(readableOrders(session("DATA_MANAGER", null))).toEqual({ id: { in: [] } });
  });
});
