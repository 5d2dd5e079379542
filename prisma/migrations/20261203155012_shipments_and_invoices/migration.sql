-- CreateTable
CREATE TABLE "Shipment" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "odooPickingId" INTEGER NOT NULL,
    "odooPickingName" VARCHAR(60) NOT NULL,
    "medusaFulfilmentId" VARCHAR(120),
    "trackingRef" VARCHAR(200),
    "carrierName" VARCHAR(200),
    "lines" JSONB NOT NULL,
    "shippedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Shipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" UUID NOT NULL,
    "odooMoveId" INTEGER NOT NULL,
    "organisationId" UUID NOT NULL,
    "orderId" UUID,
    "number" VARCHAR(60) NOT NULL,
    "moveType" VARCHAR(20) NOT NULL,
    "state" VARCHAR(20) NOT NULL,
    "invoiceDate" DATE,
    "dueDate" DATE,
    "origin" VARCHAR(200),
    "currency" CHAR(3) NOT NULL,
    "amountTotalMinor" INTEGER NOT NULL,
    "amountResidualMinor" INTEGER NOT NULL,
    "paymentState" VARCHAR(20) NOT NULL,
    "odooWriteDate" TIMESTAMPTZ(3),
    "syncedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invoice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Shipment_odooPickingId_key" ON "Shipment"("odooPickingId");

-- CreateIndex
CREATE UNIQUE INDEX "Shipment_medusaFulfilmentId_key" ON "Shipment"("medusaFulfilmentId");

-- CreateIndex
CREATE INDEX "Shipment_orderId_shippedAt_idx" ON "Shipment"("orderId", "shippedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_odooMoveId_key" ON "Invoice"("odooMoveId");

-- CreateIndex
CREATE INDEX "Invoice_organisationId_invoiceDate_idx" ON "Invoice"("organisationId", "invoiceDate");

-- CreateIndex
CREATE INDEX "Invoice_orderId_idx" ON "Invoice"("orderId");

-- AddForeignKey
ALTER TABLE "Shipment" ADD CONSTRAINT "Shipment_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invoice" ADD CONSTRAINT "Invoice_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;
