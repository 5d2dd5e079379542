-- CreateTable
CREATE TABLE "IntegrationCall" (
    "id" UUID NOT NULL,
    "system" "ExternalSystem" NOT NULL,
    "target" VARCHAR(120) NOT NULL,
    "method" VARCHAR(80) NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "error" VARCHAR(1000),
    "durationMs" INTEGER NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "correlationId" VARCHAR(80),

    CONSTRAINT "IntegrationCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthSample" (
    "id" UUID NOT NULL,
    "system" VARCHAR(20) NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "latencyMs" INTEGER NOT NULL,
    "detail" VARCHAR(120),
    "checkedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HealthSample_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IntegrationCall_correlationId_startedAt_idx" ON "IntegrationCall"("correlationId", "startedAt");

-- CreateIndex
CREATE INDEX "IntegrationCall_startedAt_idx" ON "IntegrationCall"("startedAt");

-- CreateIndex
CREATE INDEX "HealthSample_checkedAt_idx" ON "HealthSample"("checkedAt");
