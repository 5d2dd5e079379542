-- CreateTable
CREATE TABLE "ErpCustomer" (
    "organisationId" UUID NOT NULL,
    "odooPartnerId" INTEGER NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "ref" VARCHAR(80),
    "vat" VARCHAR(40),
    "active" BOOLEAN NOT NULL,
    "salesWarning" VARCHAR(1000),
    "currency" CHAR(3) NOT NULL,
    "creditLimitMinor" INTEGER,
    "amountDueMinor" INTEGER,
    "paymentTermId" INTEGER,
    "paymentTermName" VARCHAR(120),
    "pricelistId" INTEGER,
    "pricelistName" VARCHAR(120),
    "fiscalPositionId" INTEGER,
    "fiscalPositionName" VARCHAR(120),
    "salespersonName" VARCHAR(160),
    "odooWriteDate" TIMESTAMPTZ(3) NOT NULL,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ErpCustomer_pkey" PRIMARY KEY ("organisationId")
);

-- CreateTable
CREATE TABLE "ErpAddress" (
    "odooPartnerId" INTEGER NOT NULL,
    "organisationId" UUID NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "name" VARCHAR(200),
    "street" VARCHAR(200),
    "street2" VARCHAR(200),
    "zip" VARCHAR(20),
    "city" VARCHAR(120),
    "stateName" VARCHAR(120),
    "countryCode" CHAR(2),
    "phone" VARCHAR(60),
    "odooWriteDate" TIMESTAMPTZ(3) NOT NULL,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ErpAddress_pkey" PRIMARY KEY ("odooPartnerId")
);

-- CreateTable
CREATE TABLE "ErpStock" (
    "sku" VARCHAR(120) NOT NULL,
    "locationId" INTEGER NOT NULL,
    "locationName" VARCHAR(200) NOT NULL,
    "odooProductId" INTEGER NOT NULL,
    "onHand" DECIMAL(16,4) NOT NULL,
    "reserved" DECIMAL(16,4) NOT NULL,
    "available" DECIMAL(16,4) NOT NULL,
    "odooWriteDate" TIMESTAMPTZ(3) NOT NULL,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ErpStock_pkey" PRIMARY KEY ("sku","locationId")
);

-- CreateTable
CREATE TABLE "ErpCarrier" (
    "odooCarrierId" INTEGER NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "deliveryType" VARCHAR(40) NOT NULL,
    "active" BOOLEAN NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "fixedPriceMinor" INTEGER,
    "freeOverMinor" INTEGER,
    "countryCodes" TEXT[],
    "priceRules" JSONB NOT NULL DEFAULT '[]',
    "odooWriteDate" TIMESTAMPTZ(3) NOT NULL,
    "syncedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ErpCarrier_pkey" PRIMARY KEY ("odooCarrierId")
);

-- CreateTable
CREATE TABLE "SyncCursor" (
    "name" VARCHAR(80) NOT NULL,
    "writeDate" VARCHAR(19),
    "seenIds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "lastRunAt" TIMESTAMPTZ(3),
    "lastRunOk" BOOLEAN,
    "lastRunSummary" VARCHAR(500),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SyncCursor_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "DriftFinding" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "model" VARCHAR(80) NOT NULL,
    "odooId" INTEGER NOT NULL,
    "field" VARCHAR(80) NOT NULL,
    "cached" VARCHAR(500),
    "actual" VARCHAR(500),
    "foundAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "healedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DriftFinding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ErpCustomer_odooPartnerId_key" ON "ErpCustomer"("odooPartnerId");

-- CreateIndex
CREATE INDEX "ErpAddress_organisationId_type_idx" ON "ErpAddress"("organisationId", "type");

-- CreateIndex
CREATE INDEX "ErpStock_odooProductId_idx" ON "ErpStock"("odooProductId");

-- CreateIndex
CREATE INDEX "DriftFinding_model_odooId_idx" ON "DriftFinding"("model", "odooId");

-- CreateIndex
CREATE INDEX "DriftFinding_foundAt_idx" ON "DriftFinding"("foundAt");

-- AddForeignKey
ALTER TABLE "ErpCustomer" ADD CONSTRAINT "ErpCustomer_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErpAddress" ADD CONSTRAINT "ErpAddress_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
