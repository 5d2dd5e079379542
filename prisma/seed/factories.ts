// Builders for organisations and users, shared by the demo seed and the tests. Every test
// seeds its own organisation and users through these, with names unique to the run.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client";
import type { OrganisationStatus, Role } from "../../generated/prisma/enums";
import { hashPassword } from "../../lib/auth/password";

export const TEST_PASSWORD = "correct horse battery staple";

const unique = () => randomUUID().slice(0, 8);

// bcrypt is deliberately slow; tests create many users with the same few passwords.
const hashes = new Map<string, Promise<string>>();
const hashOnce = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password));

  return hashes.get(password)!;
};

export async function createOrganisation(
  db: PrismaClient,
  { name, status = "ACTIVE" }: { name?: string; status?: OrganisationStatus } = {},
) {
  return db.organisation.create({ data: { name: name ?? `Test Organisation ${unique()}`, status } });
}

export async function createUser(
  db: PrismaClient,
  {
    role,
    organisationId = null,
    email,
    name,
    password = TEST_PASSWORD,
    isActive = true,
  }: {
    role: Role;
    organisationId?: string | null;
    email?: string;
    name?: string;
    password?: string;
    isActive?: boolean;
  },
) {
  const id = unique();

  return db.user.create({
    data: {
      email: (email ?? `${role.toLowerCase()}-${id}@test.tradepost.example`).toLowerCase(),
      name: name ?? `${role.charAt(0)}${role.slice(1).toLowerCase().replace("_", " ")} ${id}`,
      role,
      organisationId,
      isActive,
      passwordHash: await hashOnce(password),
    },
  });
}

/** An organisation with one buyer and one org admin. */
export async function createOrganisationWithMembers(
  db: PrismaClient,
  options: { name?: string; status?: OrganisationStatus } = {},
) {
  const organisation = await createOrganisation(db, options);
  const [buyer, admin] = await Promise.all([
    createUser(db, { role: "BUYER", organisationId: organisation.id }),
    createUser(db, { role: "ORG_ADMIN", organisationId: organisation.id }),
  ]);

  return { organisation, buyer, admin };
}
