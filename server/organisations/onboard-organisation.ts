import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { TOnboardOrganisationInput } from "@/lib/validation/onboarding";
import type { TSessionUser } from "@/server/auth/session";
import { recordAudit } from "@/server/audit/record-audit";
import { db } from "@/server/db";
import { syncOdooCustomer } from "@/server/erp/sync-odoo-customer";
import { linkExternalRecord } from "@/server/integrations/link-external-record";
import { logger } from "@/server/logger";
import { getOdooClient } from "@/server/odoo/get-odoo-client";
import { getPartnersByIds } from "@/server/odoo/partners";
import { createInvitation } from "@/server/organisations/create-invitation";

/**
 * Onboards a customer from Odoo (staff): creates the organisation, links it to the Odoo company
 * partner (refused when that partner is linked already: the link's unique keys decide, also under
 * concurrency) and invites its first org admin by email — one transaction, audited. The partner is
 * re-read from Odoo first (an active company, or refused); after commit its account is pulled into
 * the ERP cache (best effort: reconciliation does it otherwise).
 */
export async function onboardOrganisation({
  actor,
  input,
}: {
  actor: TSessionUser;
  input: TOnboardOrganisationInput;
}): Promise<{ organisationId: string; invitationId: string }> {
  const client = getOdooClient();
  const [partner] = await getPartnersByIds(client, [input.odooPartnerId]);
  if (!partner?.isCompany || !partner.active) {
    throw new AppError("NOT_FOUND", "Odoo has no active company partner with this id.");
  }
  const link = { system: "ODOO", entityType: "organisation", externalId: String(partner.id) } as const;

  const result = await db
    .$transaction(async (tx) => {
      if (await tx.externalLink.findUnique({ where: { system_entityType_externalId: link }, select: { id: true } })) {
        throw new AppError("CONFLICT", `${partner.name} is already linked to an organisation.`);
      }
      if (await tx.user.findUnique({ where: { email: input.adminEmail }, select: { id: true } })) {
        throw new AppError("CONFLICT", "Please correct the highlighted fields.", {
          adminEmail: ["This email address already has a Tradepost account."],
        });
      }
      const organisation = await tx.organisation.create({ data: { name: input.name }, select: { id: true } });
      await linkExternalRecord({ ...link, localId: organisation.id }, tx);
      await recordAudit(tx, {
        actor,
        action: "organisation.onboarded",
        entityType: "organisation",
        entityId: organisation.id,
        organisationId: organisation.id,
        after: { name: input.name, odooPartnerId: partner.id, odooName: partner.name, firstAdmin: input.adminEmail },
      });
      const { invitationId } = await createInvitation(tx, {
        actor,
        organisationId: organisation.id,
        terms: { email: input.adminEmail, role: "ORG_ADMIN", spendingLimitMinor: null, spendingLimitPeriod: "MONTH" },
        action: "invitation.created",
      });

      return { organisationId: organisation.id, invitationId };
    })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        const index = String(
          (error.meta?.driverAdapterError as { cause?: { constraint?: { index?: string } } })?.cause?.constraint
            ?.index ?? "",
        );
        if (index.startsWith("Organisation_name"))
          throw new AppError("CONFLICT", "Please correct the highlighted fields.", {
            name: ["An organisation with this name exists already."],
          });
        throw new AppError("CONFLICT", `${partner.name} is already linked to an organisation.`);
      }
      throw error;
    });

  await syncOdooCustomer(partner.id, client).catch((error: unknown) =>
    logger.warn(
      { err: error, odooPartnerId: partner.id },
      "onboarding: first customer sync failed; reconciliation retries",
    ),
  );

  return result;
}
