-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "minGroupDecidedOn" DATE,
ADD COLUMN     "minGroupMinuteRef" TEXT;

