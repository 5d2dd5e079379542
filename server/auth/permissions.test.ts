import { describe, expect, it } from "vitest";
import { hasPermission, PERMISSIONS, type ROLE_PERMISSIONS, type TPermission } from "@/server/auth/permissions";

type TRole = keyof typeof ROLE_PERMISSIONS;

// The whole table, spelled out: a change to who may do what must change this test too.
const EXPECTED: Record<TRole, TPermission[]> = {
  BUYER: ["storefront.browse", "cart.manage", "checkout.place", "orders.read-own"],
  APPROVER: [
    "storefront.browse",
    "cart.manage",
    "checkout.place",
    "orders.read-own",
    "orders.read-own-organisation",
    "approvals.decide",
  ],
  ORG_ADMIN: [
    "storefront.browse",
    "cart.manage",
    "checkout.place",
    "orders.read-own",
    "orders.read-own-organisation",
    "approvals.decide",
    "portal.access",
    "organisation.members.read",
    "organisation.members.manage",
    "organisation.approvals.manage",
    "organisation.account.read",
  ],
  DATA_MANAGER: [
    "portal.access",
    "organisations.read",
    "pricing.read",
    "pricing.write",
    "pricing.publish",
    "configurator.read",
    "configurator.write",
    "audit.read",
  ],
  OPERATOR: [
    "portal.access",
    "organisations.read",
    "organisations.manage",
    "operations.read",
    "operations.replay",
    "audit.read",
  ],
};

describe("permission table", () => {
  it.each(Object.keys(EXPECTED) as TRole[])("%s holds exactly its permissions", (role) => {
    for (const permission of PERMISSIONS) {
      expect({ permission, allowed: hasPermission(role, permission) }).toEqual({
        permission,
        allowed: EXPECTED[role].includes(permission),
      });
    }
  });

  it("keeps buyers out of the portal and staff out of the storefront", () => {
    expect(hasPermission("BUYER", "portal.access")).toBe(false);
    expect(hasPermission("DATA_MANAGER", "storefront.browse")).toBe(false);
    expect(hasPermission("OPERATOR", "cart.manage")).toBe(false);
  });

  it("gives organisation management only to org admins, and all-organisation management only to operators", () => {
    const roles = Object.keys(EXPECTED) as TRole[];
    expect(roles.filter((role) => hasPermission(role, "organisation.members.manage"))).toEqual(["ORG_ADMIN"]);
    expect(roles.filter((role) => hasPermission(role, "organisations.manage"))).toEqual(["OPERATOR"]);
    expect(roles.filter((role) => hasPermission(role, "pricing.publish"))).toEqual(["DATA_MANAGER"]);
  });
});
