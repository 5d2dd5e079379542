-- CreateEnum
CREATE TYPE "PricingVersionStatus" AS ENUM ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'PUBLISHED');

-- CreateTable
CREATE TABLE "PricingRuleSet" (
    "id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PricingRuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PricingRuleSetVersion" (
    "id" UUID NOT NULL,
    "ruleSetId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "PricingVersionStatus" NOT NULL DEFAULT 'DRAFT',
    "rules" JSONB NOT NULL DEFAULT '[]',
    "policy" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "note" VARCHAR(500) NOT NULL DEFAULT '',
    "basedOnId" UUID,
    "acknowledgedWarnings" JSONB NOT NULL DEFAULT '[]',
    "createdById" UUID,
    "submittedById" UUID,
    "submittedAt" TIMESTAMPTZ(3),
    "approvedById" UUID,
    "approvedAt" TIMESTAMPTZ(3),
    "publishedById" UUID,
    "publishedAt" TIMESTAMPTZ(3),
    "effectiveFrom" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PricingRuleSetVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PricingRuleSet_name_key" ON "PricingRuleSet"("name");

-- CreateIndex
CREATE UNIQUE INDEX "PricingRuleSet_currency_key" ON "PricingRuleSet"("currency");

-- CreateIndex
CREATE INDEX "PricingRuleSetVersion_ruleSetId_status_effectiveFrom_idx" ON "PricingRuleSetVersion"("ruleSetId", "status", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "PricingRuleSetVersion_ruleSetId_number_key" ON "PricingRuleSetVersion"("ruleSetId", "number");

-- AddForeignKey
ALTER TABLE "PricingRuleSetVersion" ADD CONSTRAINT "PricingRuleSetVersion_ruleSetId_fkey" FOREIGN KEY ("ruleSetId") REFERENCES "PricingRuleSet"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- At most one version in progress (draft, awaiting approval, approved) per rule set: two
-- data managers starting a draft at once cannot both succeed.
CREATE UNIQUE INDEX "PricingRuleSetVersion_one_open_per_rule_set"
    ON "PricingRuleSetVersion"("ruleSetId")
    WHERE "status" IN ('DRAFT', 'PENDING_APPROVAL', 'APPROVED');

ALTER TABLE "PricingRuleSet" ADD CONSTRAINT "PricingRuleSet_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');
ALTER TABLE "PricingRuleSetVersion" ADD CONSTRAINT "PricingRuleSetVersion_published_has_dates"
    CHECK ("status" <> 'PUBLISHED' OR ("publishedAt" IS NOT NULL AND "effectiveFrom" IS NOT NULL));

-- A published version is immutable: orders pin it, so its rules must never change, and it
-- can never be deleted. The application never tries; this makes sure nothing else does.
CREATE FUNCTION "pricing_version_immutable"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD."status" = 'PUBLISHED' THEN
            RAISE EXCEPTION 'published pricing version % cannot be deleted', OLD."id" USING ERRCODE = 'P0001';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD."status" = 'PUBLISHED' AND (
        NEW."rules" IS DISTINCT FROM OLD."rules" OR NEW."policy" IS DISTINCT FROM OLD."policy" OR
        NEW."number" IS DISTINCT FROM OLD."number" OR NEW."ruleSetId" IS DISTINCT FROM OLD."ruleSetId"
    ) THEN
        RAISE EXCEPTION 'published pricing version % is immutable', OLD."id" USING ERRCODE = 'P0001';
    END IF;
    -- Once live, nothing about it changes; a scheduled version may still be unscheduled.
    IF OLD."status" = 'PUBLISHED' AND OLD."effectiveFrom" <= now() AND (
        NEW."status" IS DISTINCT FROM OLD."status" OR NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt" OR
        NEW."effectiveFrom" IS DISTINCT FROM OLD."effectiveFrom"
    ) THEN
        RAISE EXCEPTION 'published pricing version % is immutable', OLD."id" USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "PricingRuleSetVersion_immutable"
    BEFORE UPDATE OR DELETE ON "PricingRuleSetVersion"
    FOR EACH ROW EXECUTE FUNCTION "pricing_version_immutable"();
