import type { PrismaClient } from "../../generated/prisma/client";
import type { Role } from "../../generated/prisma/enums";
import { hashPassword } from "../../lib/auth/password";
import { seedDemoConfigurator } from "./demo-configurator";
import { seedDemoPricing } from "./demo-pricing";

export const DEMO_ORGANISATIONS = ["Acme Interiors", "Borealis Fitouts"] as const;

type TDemoUser = { email: string; name: string; role: Role; organisation?: (typeof DEMO_ORGANISATIONS)[number] };

export const DEMO_USERS: TDemoUser[] = [
  { email: "buyer@acme.example", name: "Anna Buyer", role: "BUYER", organisation: "Acme Interiors" },
  { email: "admin@acme.example", name: "Arne Admin", role: "ORG_ADMIN", organisation: "Acme Interiors" },
  { email: "buyer@borealis.example", name: "Bo Buyer", role: "BUYER", organisation: "Borealis Fitouts" },
  { email: "admin@borealis.example", name: "Britt Admin", role: "ORG_ADMIN", organisation: "Borealis Fitouts" },
  { email: "data@tradepost.example", name: "Dana Data", role: "DATA_MANAGER" },
  { email: "ops@tradepost.example", name: "Oskar Ops", role: "OPERATOR" },
];

/**
 * The demo organisations, logins, published price list and configuration models. Idempotent: existing rows (matched by organisation name
 * and email) are left as they are, so a second run changes nothing. The logins include staff (data manager, operator) with the one
 * `password` the caller chose: the demo and test stacks pass theirs, `npm run db:seed` needs DEMO_PASSWORD. Refuses with
 * NODE_ENV=production, whoever calls it.
 */
export async function seedDemoData(db: PrismaClient, { password }: { password: string }): Promise<TDemoUser[]> {
  // Read here rather than passed in, so that no caller can forget the check.
  if (process.env.NODE_ENV === "production") {
    throw new Error(
      "Refusing to seed demo data with NODE_ENV=production: it creates staff logins that share one known password.",
    );
  }
  if (password.length < 8) throw new Error("The demo password must be at least 8 characters.");
  const organisationIds: Record<string, string> = {};
  for (const name of DEMO_ORGANISATIONS) {
    const organisation = await db.organisation.upsert({ where: { name }, create: { name }, update: {} });
    organisationIds[name] = organisation.id;
  }
  const passwordHash = await hashPassword(password);
  for (const user of DEMO_USERS) {
    await db.user.upsert({
      where: { email: user.email },
      create: {
        email: user.email,
        name: user.name,
        role: user.role,
        organisationId: user.organisation ? organisationIds[user.organisation] : null,
        passwordHash,
      },
      update: {},
    });
  }
  await seedDemoPricing(db, {
    acme: organisationIds["Acme Interiors"]!,
    borealis: organisationIds["Borealis Fitouts"]!,
  });
  await seedDemoConfigurator(db);

  return DEMO_USERS;
}
