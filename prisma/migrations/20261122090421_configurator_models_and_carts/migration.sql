-- CreateEnum
CREATE TYPE "ConfiguratorVersionStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateTable
CREATE TABLE "ExternalClaim" (
    "system" "ExternalSystem" NOT NULL,
    "entityType" VARCHAR(40) NOT NULL,
    "localId" VARCHAR(80) NOT NULL,
    "claimedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExternalClaim_pkey" PRIMARY KEY ("system","entityType","localId")
);

-- CreateTable
CREATE TABLE "BuyerCart" (
    "userId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "medusaCartId" VARCHAR(120) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BuyerCart_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "ConfiguratorModel" (
    "id" UUID NOT NULL,
    "productHandle" VARCHAR(120) NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConfiguratorModel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConfiguratorModelVersion" (
    "id" UUID NOT NULL,
    "modelId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "ConfiguratorVersionStatus" NOT NULL DEFAULT 'DRAFT',
    "definition" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "note" VARCHAR(500) NOT NULL DEFAULT '',
    "basedOnId" UUID,
    "createdById" UUID,
    "publishedById" UUID,
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConfiguratorModelVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BuyerCart_medusaCartId_key" ON "BuyerCart"("medusaCartId");

-- CreateIndex
CREATE UNIQUE INDEX "ConfiguratorModel_productHandle_key" ON "ConfiguratorModel"("productHandle");

-- CreateIndex
CREATE INDEX "ConfiguratorModelVersion_modelId_status_publishedAt_idx" ON "ConfiguratorModelVersion"("modelId", "status", "publishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ConfiguratorModelVersion_modelId_number_key" ON "ConfiguratorModelVersion"("modelId", "number");

-- AddForeignKey
ALTER TABLE "BuyerCart" ADD CONSTRAINT "BuyerCart_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConfiguratorModelVersion" ADD CONSTRAINT "ConfiguratorModelVersion_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "ConfiguratorModel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One draft at a time per model.
CREATE UNIQUE INDEX "ConfiguratorModelVersion_one_draft_per_model"
    ON "ConfiguratorModelVersion"("modelId")
    WHERE "status" = 'DRAFT';

ALTER TABLE "ConfiguratorModelVersion" ADD CONSTRAINT "ConfiguratorModelVersion_published_has_date"
    CHECK ("status" <> 'PUBLISHED' OR "publishedAt" IS NOT NULL);
ALTER TABLE "BuyerCart" ADD CONSTRAINT "BuyerCart_currency_iso" CHECK ("currency" ~ '^[A-Z]{3}$');

-- A published model is immutable and can never be deleted: cart and order lines pin it.
CREATE FUNCTION "configurator_version_immutable"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD."status" = 'PUBLISHED' THEN
            RAISE EXCEPTION 'published configurator version % cannot be deleted', OLD."id" USING ERRCODE = 'P0001';
        END IF;
        RETURN OLD;
    END IF;
    IF OLD."status" = 'PUBLISHED' AND (
        NEW."definition" IS DISTINCT FROM OLD."definition" OR NEW."status" IS DISTINCT FROM OLD."status" OR
        NEW."number" IS DISTINCT FROM OLD."number" OR NEW."modelId" IS DISTINCT FROM OLD."modelId" OR
        NEW."publishedAt" IS DISTINCT FROM OLD."publishedAt"
    ) THEN
        RAISE EXCEPTION 'published configurator version % is immutable', OLD."id" USING ERRCODE = 'P0001';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ConfiguratorModelVersion_immutable"
    BEFORE UPDATE OR DELETE ON "ConfiguratorModelVersion"
    FOR EACH ROW EXECUTE FUNCTION "configurator_version_immutable"();
