-- CreateTable
CREATE TABLE "AddressChangeRequest" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "odooPartnerId" INTEGER NOT NULL,
    "requestedById" UUID,
    "requestedByName" VARCHAR(160) NOT NULL,
    "message" VARCHAR(2000) NOT NULL,
    "addressSnapshot" VARCHAR(600) NOT NULL,
    "odooActivityId" INTEGER,
    "pushedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AddressChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AddressChangeRequest_organisationId_createdAt_idx" ON "AddressChangeRequest"("organisationId", "createdAt");

-- AddForeignKey
ALTER TABLE "AddressChangeRequest" ADD CONSTRAINT "AddressChangeRequest_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
