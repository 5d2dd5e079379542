-- Version numbers are handed out from a counter on the parent, so a discarded draft's
-- number is never given to a later version (the audit log still names it).
ALTER TABLE "PricingRuleSet" ADD COLUMN "lastVersionNumber" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ConfiguratorModel" ADD COLUMN "lastVersionNumber" INTEGER NOT NULL DEFAULT 0;

UPDATE "PricingRuleSet" AS s
SET "lastVersionNumber" = COALESCE((SELECT MAX(v."number") FROM "PricingRuleSetVersion" AS v WHERE v."ruleSetId" = s."id"), 0);
UPDATE "ConfiguratorModel" AS m
SET "lastVersionNumber" = COALESCE((SELECT MAX(v."number") FROM "ConfiguratorModelVersion" AS v WHERE v."modelId" = m."id"), 0);
