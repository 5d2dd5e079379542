-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "lastPushError" VARCHAR(1000),
ADD COLUMN     "odooCreateSentAt" TIMESTAMPTZ(3);
