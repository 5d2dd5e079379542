import "server-only";
import type { Role } from "@/generated/prisma/enums";

// What each role may do. Every page, server action and route handler checks one of
// these on the server; the UI only hides what the server would refuse anyway.
export const PERMISSIONS = [
  "storefront.browse",
  "cart.manage",
  "orders.read-own-organisation",
  "checkout.place",
  "orders.read-own",
  "approvals.decide",
  "organisation.members.read",
  "organisation.members.manage",
  "organisation.approvals.manage",
  "organisation.account.read",
  "portal.access",
  "organisations.read",
  "organisations.manage",
  "pricing.read",
  "pricing.write",
  "pricing.publish",
  "configurator.read",
  "configurator.write",
  "operations.read",
  "operations.replay",
  "audit.read",
] as const;

export type TPermission = (typeof PERMISSIONS)[number];

// "orders.read-own" is a buyer's own orders; "orders.read-own-organisation" every order of the
// organisation (org admins, and approvers who must see what they decide).
const BUYER: readonly TPermission[] = ["storefront.browse", "cart.manage", "checkout.place", "orders.read-own"];

export const ROLE_PERMISSIONS: Record<Role, readonly TPermission[]> = {
  BUYER,
  APPROVER: [...BUYER, "orders.read-own-organisation", "approvals.decide"],
  ORG_ADMIN: [
    ...BUYER,
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

export const ORGANISATION_ROLES: readonly Role[] = ["BUYER", "APPROVER", "ORG_ADMIN"];
export const STAFF_ROLES: readonly Role[] = ["DATA_MANAGER", "OPERATOR"];

export function hasPermission(role: Role, permission: TPermission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function isStaff(role: Role): boolean {
  return STAFF_ROLES.includes(role);
}
