-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "ipAllowlist" TEXT[] DEFAULT ARRAY[]::TEXT[];

