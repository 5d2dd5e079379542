// Every server action, how to call it and what the security suites expect of it. The suites check
// that the keys here are exactly the actions found in the code (entry-points.ts).
//   permission  what runAction checks (the role matrix proves every role without it is refused)
//   input       the input's shape, for the fuzzer: a zod object (its keys), one id, a list of ids, none
//   tenant      what a member of organisation B gets when sending organisation A's ids
import type { z } from "zod";
import { ZApprovalWindowInput, ZCreateApprovalRuleInput, ZPreviewApprovalsInput } from "@/lib/approvals/schemas";
import {
  ZApproveApprovalStepInput,
  ZMoveApprovalRuleInput,
  ZRejectApprovalRequestInput,
  ZSetApprovalRuleActiveInput,
  ZUpdateApprovalRuleInput,
} from "@/lib/approvals/schemas";
import { ZCheckoutInput } from "@/lib/checkout/checkout-input";
import type { TActionResult } from "@/lib/errors";
import { ZCreateModelInput, ZModelRef, ZModelVersionRef, ZSaveModelInput } from "@/lib/validation/configurator";
import { ZRequestAddressChangeInput } from "@/lib/validation/address-change";
import {
  ZAcceptInvitationInput,
  ZChangeMemberRoleInput,
  ZChangeSpendingLimitInput,
  ZInvitationIdInput,
  ZInviteMemberInput,
  ZRequestPasswordResetInput,
  ZResetPasswordInput,
} from "@/lib/validation/members";
import { ZOnboardOrganisationInput } from "@/lib/validation/onboarding";
import { ZSetMemberActiveInput, ZSetOrganisationStatusInput } from "@/lib/validation/organisations";
import {
  ZAcknowledgeInput,
  ZBulkEditRulesInput,
  ZCreateRuleSetInput,
  ZDeleteRulesInput,
  ZImportRulesInput,
  ZPublishInput,
  ZRejectInput,
  ZRuleSetRef,
  ZSaveRuleInput,
  ZSimulateInput,
  ZUpdateNoteInput,
  ZUpdatePolicyInput,
  ZVersionRef,
  ZWhatIfInput,
} from "@/lib/validation/pricing";
import {
  ZAddToCartInput,
  ZCartLineInput,
  ZQuickOrderInput,
  ZReplaceCartLineInput,
  ZUpdateCartLineInput,
} from "@/lib/validation/storefront";
import type { TPermission } from "@/server/auth/permissions";
import type { TTenant } from "./tenants";

export type TAction = (input?: unknown) => Promise<TActionResult<unknown>>;
export type TMember = "buyer" | "approver" | "admin";
export type TInputShape = { object: z.ZodType } | { fields: string[] } | "id" | "ids" | "none";
export type TTenantCase =
  /** B's member of this kind sends A's ids: NOT_FOUND or FORBIDDEN, and nothing of A changes. */
  | { as: TMember; input: (a: TTenant) => Record<string, unknown>; control?: false }
  /** Staff act across organisations by design; the role matrix keeps members out. */
  | { staff: true }
  /** Takes no id of an organisation's rows: the organisation comes from the session. */
  | { noId: string }
  /** Proved in another test file (the suite checks that the file still has a test of this title). */
  | { covered: { file: string; title: string } };

export type TActionCase = {
  load: () => Promise<Record<string, unknown>>;
  permission: TPermission | "public";
  input: TInputShape;
  tenant: TTenantCase;
};

const approvals = () => import("@/server/actions/approvals");
const cart = () => import("@/server/actions/cart");
const configurator = () => import("@/server/actions/configurator");
const operations = () => import("@/server/actions/operations");
const members = () => import("@/server/actions/organisation-members");
const pricingRules = () => import("@/server/actions/pricing-rules");
const pricingVersions = () => import("@/server/actions/pricing-versions");
const publicActions = () => import("@/server/actions/account-access");

const STAFF = { staff: true } as const;
const FROM_SESSION = { noId: "the organisation comes from the session; organisationId in the input is refused" };
// The tenant's cart id is made up (no cart in Medusa), so A's own call cannot serve as a control.
const line = (a: TTenant) => ({ cartId: a.cart.medusaCartId, lineId: "item_security_1" });

const pricing = (name: string, permission: TPermission, schema: z.ZodType): [string, TActionCase] => [
  `server/actions/${name.startsWith("pv:") ? "pricing-versions" : "pricing-rules"}.ts#${name.replace(/^p[rv]:/, "")}`,
  {
    load: name.startsWith("pv:") ? pricingVersions : pricingRules,
    permission,
    input: { object: schema },
    tenant: STAFF,
  },
];
const configuratorCase = (name: string, schema: z.ZodType): [string, TActionCase] => [
  `server/actions/configurator.ts#${name}`,
  { load: configurator, permission: "configurator.write", input: { object: schema }, tenant: STAFF },
];
const operation = (name: string, input: TInputShape): [string, TActionCase] => [
  `server/actions/operations.ts#${name}`,
  { load: operations, permission: "operations.replay", input, tenant: STAFF },
];

export const ACTIONS: Record<string, TActionCase> = Object.fromEntries<TActionCase>([
  [
    "server/actions/account-access.ts#acceptInvitationAction",
    {
      load: publicActions,
      permission: "public",
      input: { object: ZAcceptInvitationInput },
      tenant: { noId: "authorised by the signed invitation token, which names its organisation and role" },
    },
  ],
  [
    "server/actions/account-access.ts#requestPasswordResetAction",
    {
      load: publicActions,
      permission: "public",
      input: { object: ZRequestPasswordResetInput },
      tenant: { noId: "takes an email; answers the same whether it exists" },
    },
  ],
  [
    "server/actions/account-access.ts#resetPasswordAction",
    {
      load: publicActions,
      permission: "public",
      input: { object: ZResetPasswordInput },
      tenant: { noId: "authorised by the signed reset token" },
    },
  ],
  [
    "server/actions/approvals.ts#approveApprovalStepAction",
    {
      load: approvals,
      permission: "approvals.decide",
      input: { object: ZApproveApprovalStepInput },
      tenant: { as: "approver", input: (a) => ({ stepId: a.step.id, comment: "" }) },
    },
  ],
  [
    "server/actions/approvals.ts#rejectApprovalRequestAction",
    {
      load: approvals,
      permission: "approvals.decide",
      input: { object: ZRejectApprovalRequestInput },
      tenant: { as: "approver", input: (a) => ({ orderId: a.waiting.id, reason: "Not from our budget." }) },
    },
  ],
  [
    "server/actions/approvals.ts#createApprovalRuleAction",
    {
      load: approvals,
      permission: "organisation.approvals.manage",
      input: { object: ZCreateApprovalRuleInput },
      tenant: FROM_SESSION,
    },
  ],
  [
    "server/actions/approvals.ts#updateApprovalRuleAction",
    {
      load: approvals,
      permission: "organisation.approvals.manage",
      input: { object: ZUpdateApprovalRuleInput },
      tenant: {
        as: "admin",
        input: (a) => ({ ruleId: a.rule.id, condition: "TOTAL_ABOVE", amount: "5", approverRole: "ORG_ADMIN" }),
      },
    },
  ],
  [
    "server/actions/approvals.ts#setApprovalRuleActiveAction",
    {
      load: approvals,
      permission: "organisation.approvals.manage",
      input: { object: ZSetApprovalRuleActiveInput },
      tenant: { as: "admin", input: (a) => ({ ruleId: a.rule.id, active: false }) },
    },
  ],
  [
    "server/actions/approvals.ts#moveApprovalRuleAction",
    {
      load: approvals,
      permission: "organisation.approvals.manage",
      input: { object: ZMoveApprovalRuleInput },
      tenant: { as: "admin", input: (a) => ({ ruleId: a.rule.id, direction: "down" }) },
    },
  ],
  [
    "server/actions/approvals.ts#updateApprovalWindowAction",
    {
      load: approvals,
      permission: "organisation.approvals.manage",
      input: { object: ZApprovalWindowInput },
      tenant: FROM_SESSION,
    },
  ],
  [
    "server/actions/approvals.ts#previewApprovalsAction",
    {
      load: approvals,
      permission: "organisation.approvals.manage",
      input: { object: ZPreviewApprovalsInput },
      tenant: { as: "admin", input: (a) => ({ buyerId: a.buyer.id, amount: "5000" }) },
    },
  ],
  [
    "server/actions/cart.ts#addToCartAction",
    { load: cart, permission: "cart.manage", input: { object: ZAddToCartInput }, tenant: FROM_SESSION },
  ],
  [
    "server/actions/cart.ts#replaceCartLineAction",
    {
      load: cart,
      permission: "cart.manage",
      input: { object: ZReplaceCartLineInput },
      tenant: { as: "buyer", input: (a) => ({ ...line(a), product: "atelier-table", quantity: 1 }), control: false },
    },
  ],
  [
    "server/actions/cart.ts#updateCartLineAction",
    {
      load: cart,
      permission: "cart.manage",
      input: { object: ZUpdateCartLineInput },
      tenant: { as: "buyer", input: (a) => ({ ...line(a), quantity: 2 }), control: false },
    },
  ],
  [
    "server/actions/cart.ts#removeCartLineAction",
    {
      load: cart,
      permission: "cart.manage",
      input: { object: ZCartLineInput },
      tenant: { as: "buyer", input: line, control: false },
    },
  ],
  [
    "server/actions/cart.ts#confirmCartLinePriceAction",
    {
      load: cart,
      permission: "cart.manage",
      input: { object: ZCartLineInput },
      tenant: { as: "buyer", input: line, control: false },
    },
  ],
  [
    "server/actions/cart.ts#quickOrderAction",
    { load: cart, permission: "cart.manage", input: { object: ZQuickOrderInput }, tenant: FROM_SESSION },
  ],
  [
    "server/actions/checkout.ts#submitCheckoutAction",
    {
      load: () => import("@/server/actions/checkout"),
      permission: "checkout.place",
      input: { object: ZCheckoutInput },
      // Reaching the address check needs a real cart in Medusa; that test builds one.
      tenant: {
        covered: {
          file: "server/checkout/checkout.integration.test.ts",
          title: "gives field errors: another organisation's address",
        },
      },
    },
  ],
  configuratorCase("createConfiguratorModelAction", ZCreateModelInput),
  configuratorCase("createModelDraftAction", ZModelRef),
  configuratorCase("saveModelDraftAction", ZSaveModelInput),
  configuratorCase("publishModelVersionAction", ZModelVersionRef),
  configuratorCase("rollbackModelVersionAction", ZModelVersionRef),
  configuratorCase("discardModelDraftAction", ZModelVersionRef),
  operation("runCatalogImportAction", "none"),
  operation("setupOdooWebhooksAction", "none"),
  operation("replayDeadLettersAction", "ids"),
  operation("cancelJobAction", "id"),
  operation("retryJobNowAction", "id"),
  operation("reprocessDeliveryAction", "id"),
  operation("healDriftFindingAction", "id"),
  [
    "server/actions/orders.ts#reorderAction",
    {
      load: () => import("@/server/actions/orders"),
      permission: "cart.manage",
      input: { fields: ["orderId"] },
      tenant: { as: "buyer", input: (a) => ({ orderId: a.placed.id }) },
    },
  ],
  [
    "server/actions/organisation-members.ts#setMemberActiveAction",
    {
      load: members,
      permission: "organisation.members.manage",
      input: { object: ZSetMemberActiveInput },
      tenant: { as: "admin", input: (a) => ({ userId: a.buyer.id, isActive: false }) },
    },
  ],
  [
    "server/actions/organisation-members.ts#inviteMemberAction",
    {
      load: members,
      permission: "organisation.members.manage",
      input: { object: ZInviteMemberInput },
      tenant: FROM_SESSION,
    },
  ],
  [
    "server/actions/organisation-members.ts#resendInvitationAction",
    {
      load: members,
      permission: "organisation.members.manage",
      input: { object: ZInvitationIdInput },
      tenant: { as: "admin", input: (a) => ({ invitationId: a.invitation.id }) },
    },
  ],
  [
    "server/actions/organisation-members.ts#revokeInvitationAction",
    {
      load: members,
      permission: "organisation.members.manage",
      input: { object: ZInvitationIdInput },
      tenant: { as: "admin", input: (a) => ({ invitationId: a.invitation.id }) },
    },
  ],
  [
    "server/actions/organisation-members.ts#changeMemberRoleAction",
    {
      load: members,
      permission: "organisation.members.manage",
      input: { object: ZChangeMemberRoleInput },
      tenant: { as: "admin", input: (a) => ({ userId: a.buyer.id, role: "ORG_ADMIN" }) },
    },
  ],
  [
    "server/actions/organisation-members.ts#changeSpendingLimitAction",
    {
      load: members,
      permission: "organisation.members.manage",
      input: { object: ZChangeSpendingLimitInput },
      tenant: {
        as: "admin",
        input: (a) => ({ userId: a.buyer.id, spendingLimit: "1", spendingLimitPeriod: "DAY" }),
      },
    },
  ],
  [
    "server/actions/organisation-members.ts#requestAddressChangeAction",
    {
      load: members,
      permission: "organisation.members.manage",
      input: { object: ZRequestAddressChangeInput },
      tenant: {
        as: "admin",
        input: (a) => ({ odooPartnerId: a.address.odooPartnerId, message: "Please move this address." }),
      },
    },
  ],
  [
    "server/actions/organisation-onboarding.ts#onboardOrganisationAction",
    {
      load: () => import("@/server/actions/organisation-onboarding"),
      permission: "organisations.manage",
      input: { object: ZOnboardOrganisationInput },
      tenant: STAFF,
    },
  ],
  [
    "server/actions/organisations.ts#setOrganisationStatusAction",
    {
      load: () => import("@/server/actions/organisations"),
      permission: "organisations.manage",
      input: { object: ZSetOrganisationStatusInput },
      tenant: STAFF,
    },
  ],
  pricing("pr:saveRuleAction", "pricing.write", ZSaveRuleInput),
  pricing("pr:deleteRulesAction", "pricing.write", ZDeleteRulesInput),
  pricing("pr:bulkEditRulesAction", "pricing.write", ZBulkEditRulesInput),
  pricing("pr:updatePolicyAction", "pricing.write", ZUpdatePolicyInput),
  pricing("pr:updateVersionNoteAction", "pricing.write", ZUpdateNoteInput),
  pricing("pr:importRulesAction", "pricing.write", ZImportRulesInput),
  pricing("pr:acknowledgeWarningsAction", "pricing.write", ZAcknowledgeInput),
  pricing("pr:simulatePriceAction", "pricing.read", ZSimulateInput),
  pricing("pr:runWhatIfAction", "pricing.read", ZWhatIfInput),
  pricing("pv:createRuleSetAction", "pricing.write", ZCreateRuleSetInput),
  pricing("pv:createDraftAction", "pricing.write", ZRuleSetRef),
  pricing("pv:submitVersionAction", "pricing.write", ZVersionRef),
  pricing("pv:approveVersionAction", "pricing.publish", ZVersionRef),
  pricing("pv:rejectVersionAction", "pricing.publish", ZRejectInput),
  pricing("pv:withdrawVersionAction", "pricing.write", ZVersionRef),
  pricing("pv:publishVersionAction", "pricing.publish", ZPublishInput),
  pricing("pv:unscheduleVersionAction", "pricing.publish", ZVersionRef),
  pricing("pv:rollbackToVersionAction", "pricing.publish", ZVersionRef),
  pricing("pv:discardVersionAction", "pricing.write", ZVersionRef),
]);

/** The action function itself (fails the test when the module no longer exports it). */
export async function loadAction(key: string): Promise<TAction> {
  const entry = ACTIONS[key];
  if (!entry) throw new Error(`No case for ${key} in test/security/action-table.ts`);
  const action = (await entry.load())[key.split("#")[1]!];
  if (typeof action !== "function") throw new Error(`${key} is not an exported function`);

  return action as TAction;
}
