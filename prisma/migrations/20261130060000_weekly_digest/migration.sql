-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "digestLastSentAt" TIMESTAMP(3),
ADD COLUMN     "digestOptIn" BOOLEAN NOT NULL DEFAULT false;

