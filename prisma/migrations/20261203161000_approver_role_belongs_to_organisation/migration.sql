-- APPROVER (added with the orders migration) is a member of an organisation like BUYER and
-- ORG_ADMIN; the role/organisation check of the init migration did not know it, so no approver
-- could be created. Written to apply in any order with other migrations that fix the same check.
ALTER TABLE "User" DROP CONSTRAINT IF EXISTS "User_organisation_matches_role";
ALTER TABLE "User" ADD CONSTRAINT "User_organisation_matches_role" CHECK (
    ("role" IN ('BUYER', 'APPROVER', 'ORG_ADMIN') AND "organisationId" IS NOT NULL)
    OR ("role" IN ('DATA_MANAGER', 'OPERATOR') AND "organisationId" IS NULL)
);
