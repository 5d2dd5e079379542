import "server-only";
import type { Role } from "@/generated/prisma/enums";
import { hasPermission, type TPermission } from "@/server/auth/permissions";

const ITEMS: { href: string; label: string; permission: TPermission }[] = [
  { href: "/portal", label: "Overview", permission: "portal.access" },
  { href: "/portal/organisation", label: "My organisation", permission: "organisation.members.read" },
  { href: "/orders/organisation", label: "Orders", permission: "orders.read-own-organisation" },
  { href: "/portal/organisation/invoices", label: "Invoices", permission: "organisation.account.read" },
  { href: "/portal/organisation/approval-rules", label: "Approval rules", permission: "organisation.approvals.manage" },
  { href: "/portal/organisations", label: "Organisations", permission: "organisations.read" },
  { href: "/portal/pricing", label: "Price lists", permission: "pricing.read" },
  { href: "/portal/configurator", label: "Product models", permission: "configurator.read" },
  { href: "/portal/product-content", label: "Product content", permission: "configurator.read" },
  { href: "/portal/operations", label: "Operations", permission: "operations.read" },
  { href: "/portal/mappings", label: "ID mappings", permission: "operations.read" },
  { href: "/portal/operations/catalog-import", label: "Catalogue import", permission: "operations.read" },
  { href: "/portal/audit", label: "Audit log", permission: "audit.read" },
];

/** The portal links a role may follow (each page still checks for itself). */
export function portalNavigation(role: Role) {
  return ITEMS.filter((item) => hasPermission(role, item.permission)).map(({ href, label }) => ({ href, label }));
}
