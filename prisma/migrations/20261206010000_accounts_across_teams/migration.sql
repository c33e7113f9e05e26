-- A team's SSO domains count only once proved by a DNS TXT record (decision 013).
ALTER TABLE "TeamSso" ADD COLUMN "verifyToken" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "SsoDomain" (
    "domain" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "verifiedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SsoDomain_pkey" PRIMARY KEY ("domain")
);

-- CreateIndex
CREATE INDEX "SsoDomain_teamId_idx" ON "SsoDomain"("teamId");

-- AddForeignKey
ALTER TABLE "SsoDomain" ADD CONSTRAINT "SsoDomain_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The holder's last fresh proof on a session, before adding a second factor (lib/auth/step-up.ts).
ALTER TABLE "UserSession" ADD COLUMN "stepUpAt" TIMESTAMP(3);
