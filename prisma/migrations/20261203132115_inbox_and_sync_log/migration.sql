-- CreateEnum
CREATE TYPE "InboundStatus" AS ENUM ('ACCEPTED', 'REJECTED', 'DUPLICATE', 'PROCESSED', 'FAILED');

-- CreateEnum
CREATE TYPE "SyncOutcome" AS ENUM ('CHANGED', 'UNCHANGED', 'SKIPPED', 'FAILED');

-- CreateTable
CREATE TABLE "InboundDelivery" (
    "id" UUID NOT NULL,
    "source" VARCHAR(40) NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "body" TEXT NOT NULL DEFAULT '',
    "status" "InboundStatus" NOT NULL,
    "reason" VARCHAR(500),
    "dedupeKey" VARCHAR(300),
    "subjectType" VARCHAR(80),
    "subjectId" VARCHAR(120),
    "duplicateOfId" UUID,
    "jobId" UUID,
    "correlationId" VARCHAR(80) NOT NULL,
    "processedAt" TIMESTAMPTZ(3),

    CONSTRAINT "InboundDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" UUID NOT NULL,
    "kind" VARCHAR(80) NOT NULL,
    "trigger" VARCHAR(40) NOT NULL,
    "entityType" VARCHAR(40),
    "localId" VARCHAR(80),
    "system" "ExternalSystem",
    "externalId" VARCHAR(120),
    "outcome" "SyncOutcome" NOT NULL,
    "summary" VARCHAR(500),
    "error" VARCHAR(2000),
    "detail" JSONB,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "correlationId" VARCHAR(80),
    "jobId" UUID,

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InboundDelivery_source_dedupeKey_receivedAt_idx" ON "InboundDelivery"("source", "dedupeKey", "receivedAt");

-- CreateIndex
CREATE INDEX "InboundDelivery_status_receivedAt_idx" ON "InboundDelivery"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "InboundDelivery_receivedAt_idx" ON "InboundDelivery"("receivedAt");

-- CreateIndex
CREATE INDEX "InboundDelivery_subjectType_subjectId_idx" ON "InboundDelivery"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "SyncRun_startedAt_idx" ON "SyncRun"("startedAt");

-- CreateIndex
CREATE INDEX "SyncRun_entityType_localId_startedAt_idx" ON "SyncRun"("entityType", "localId", "startedAt");

-- CreateIndex
CREATE INDEX "SyncRun_system_externalId_startedAt_idx" ON "SyncRun"("system", "externalId", "startedAt");

-- CreateIndex
CREATE INDEX "SyncRun_correlationId_idx" ON "SyncRun"("correlationId");

-- CreateIndex
CREATE INDEX "SyncRun_kind_outcome_startedAt_idx" ON "SyncRun"("kind", "outcome", "startedAt");
