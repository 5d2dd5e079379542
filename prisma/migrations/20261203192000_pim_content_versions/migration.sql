-- CreateTable
CREATE TABLE "PimContentVersion" (
    "sku" VARCHAR(120) NOT NULL,
    "locale" VARCHAR(16) NOT NULL,
    "version" VARCHAR(160),
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PimContentVersion_pkey" PRIMARY KEY ("sku","locale")
);

-- CreateIndex
CREATE INDEX "PimContentVersion_changedAt_idx" ON "PimContentVersion"("changedAt");
