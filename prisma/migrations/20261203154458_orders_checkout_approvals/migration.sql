-- CreateEnum
CREATE TYPE "SpendingPeriod" AS ENUM ('DAY', 'WEEK', 'MONTH', 'QUARTER');

-- CreateEnum
CREATE TYPE "OrderSource" AS ENUM ('CHECKOUT', 'SALES_REP');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('PENDING_APPROVAL', 'REJECTED', 'EXPIRED', 'RETURNED', 'PLACED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PushStatus" AS ENUM ('NOT_APPLICABLE', 'QUEUED', 'PUSHED', 'FAILED');

-- CreateEnum
CREATE TYPE "ApprovalCondition" AS ENUM ('TOTAL_ABOVE', 'CONTAINS_CATEGORY', 'NEW_ADDRESS', 'OVER_SPENDING_LIMIT');

-- CreateEnum
CREATE TYPE "ApprovalStepStatus" AS ENUM ('WAITING', 'APPROVED', 'REJECTED');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'APPROVER';

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "approvalWindowHours" INTEGER NOT NULL DEFAULT 72,
ADD COLUMN     "poNumberRequired" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "timeZone" VARCHAR(64) NOT NULL DEFAULT 'Europe/Berlin';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "spendingLimitMinor" INTEGER,
ADD COLUMN     "spendingLimitPeriod" "SpendingPeriod" NOT NULL DEFAULT 'MONTH';

-- CreateTable
CREATE TABLE "Order" (
    "id" UUID NOT NULL,
    "reference" VARCHAR(40) NOT NULL,
    "organisationId" UUID NOT NULL,
    "buyerId" UUID,
    "source" "OrderSource" NOT NULL DEFAULT 'CHECKOUT',
    "status" "OrderStatus" NOT NULL,
    "pushStatus" "PushStatus" NOT NULL DEFAULT 'NOT_APPLICABLE',
    "checkoutKey" VARCHAR(80),
    "medusaCartId" VARCHAR(120),
    "medusaOrderId" VARCHAR(120),
    "medusaDisplayId" INTEGER,
    "odooOrderId" INTEGER,
    "odooOrderName" VARCHAR(60),
    "odooState" VARCHAR(20),
    "currency" CHAR(3) NOT NULL,
    "subtotalMinor" INTEGER NOT NULL,
    "shippingMinor" INTEGER NOT NULL,
    "taxMinor" INTEGER NOT NULL,
    "totalMinor" INTEGER NOT NULL,
    "shippingAddress" JSONB NOT NULL,
    "odooAddressId" INTEGER,
    "carrierId" INTEGER,
    "carrierName" VARCHAR(200),
    "poNumber" VARCHAR(40),
    "notes" VARCHAR(2000),
    "requestedDeliveryDate" DATE,
    "paymentTermName" VARCHAR(120),
    "approvalExpiresAt" TIMESTAMPTZ(3),
    "decisionReason" VARCHAR(1000),
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "placedAt" TIMESTAMPTZ(3),
    "pushedAt" TIMESTAMPTZ(3),
    "cancelledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Order_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderLine" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "sku" VARCHAR(120) NOT NULL,
    "variantId" VARCHAR(120),
    "title" VARCHAR(300) NOT NULL,
    "description" VARCHAR(2000) NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceMinor" INTEGER NOT NULL,
    "lineTotalMinor" INTEGER NOT NULL,
    "configuration" JSONB,
    "breakdown" JSONB NOT NULL,
    "pricingVersionId" UUID,
    "configuratorVersionId" UUID,
    "quoteId" VARCHAR(120),
    "medusaLineId" VARCHAR(120),
    "deliveredQuantity" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OrderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalRule" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "condition" "ApprovalCondition" NOT NULL,
    "amountMinor" INTEGER,
    "categoryHandle" VARCHAR(120),
    "approverRole" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApprovalRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalStep" (
    "id" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "ruleId" UUID,
    "reason" VARCHAR(300) NOT NULL,
    "requiredRole" "Role" NOT NULL,
    "status" "ApprovalStepStatus" NOT NULL DEFAULT 'WAITING',
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "comment" VARCHAR(1000),

    CONSTRAINT "ApprovalStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Order_reference_key" ON "Order"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Order_checkoutKey_key" ON "Order"("checkoutKey");

-- CreateIndex
CREATE UNIQUE INDEX "Order_medusaCartId_key" ON "Order"("medusaCartId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_medusaOrderId_key" ON "Order"("medusaOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "Order_odooOrderId_key" ON "Order"("odooOrderId");

-- CreateIndex
CREATE INDEX "Order_organisationId_submittedAt_idx" ON "Order"("organisationId", "submittedAt");

-- CreateIndex
CREATE INDEX "Order_buyerId_status_submittedAt_idx" ON "Order"("buyerId", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "Order_status_approvalExpiresAt_idx" ON "Order"("status", "approvalExpiresAt");

-- CreateIndex
CREATE INDEX "Order_pushStatus_placedAt_idx" ON "Order"("pushStatus", "placedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OrderLine_orderId_position_key" ON "OrderLine"("orderId", "position");

-- CreateIndex
CREATE INDEX "ApprovalRule_organisationId_position_idx" ON "ApprovalRule"("organisationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalStep_orderId_position_key" ON "ApprovalStep"("orderId", "position");

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderLine" ADD CONSTRAINT "OrderLine_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalRule" ADD CONSTRAINT "ApprovalRule_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalStep" ADD CONSTRAINT "ApprovalStep_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Order references (TP-000001 …) come from a sequence: unique, never reused, no lock on a counter row.
CREATE SEQUENCE "order_reference_seq" START 1;
