-- Anonymous pilot surveys (issue: pilot surveys by QR code). A response keeps no account, address,
-- device or time of day; single-use codes are linked to no answer.
-- CreateEnum
CREATE TYPE "SurveyQuestionKind" AS ENUM ('SINGLE', 'MULTIPLE', 'SCALE', 'TEXT');

-- CreateEnum
CREATE TYPE "SurveyQuestionRole" AS ENUM ('SATISFACTION', 'USEFUL', 'INTENT', 'COMMENT');

-- CreateEnum
CREATE TYPE "SurveyAccess" AS ENUM ('BROWSER', 'CODES');

-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "resultId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "access" "SurveyAccess" NOT NULL DEFAULT 'BROWSER',
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyQuestion" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "SurveyQuestionKind" NOT NULL,
    "role" "SurveyQuestionRole",
    "text" TEXT NOT NULL,
    "options" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "required" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "SurveyQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "answeredOn" DATE NOT NULL,
    "beyondParticipants" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyAnswer" (
    "responseId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "choices" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "scale" INTEGER,
    "text" TEXT,

    CONSTRAINT "SurveyAnswer_pkey" PRIMARY KEY ("responseId","questionId")
);

-- CreateTable
CREATE TABLE "SurveyCode" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedOn" DATE,

    CONSTRAINT "SurveyCode_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Survey_resultId_key" ON "Survey"("resultId");

-- CreateIndex
CREATE UNIQUE INDEX "Survey_code_key" ON "Survey"("code");

-- CreateIndex
CREATE INDEX "Survey_teamId_idx" ON "Survey"("teamId");

-- CreateIndex
CREATE INDEX "SurveyQuestion_surveyId_position_idx" ON "SurveyQuestion"("surveyId", "position");

-- CreateIndex
CREATE INDEX "SurveyQuestion_teamId_idx" ON "SurveyQuestion"("teamId");

-- CreateIndex
CREATE INDEX "SurveyResponse_surveyId_idx" ON "SurveyResponse"("surveyId");

-- CreateIndex
CREATE INDEX "SurveyResponse_teamId_idx" ON "SurveyResponse"("teamId");

-- CreateIndex
CREATE INDEX "SurveyAnswer_questionId_idx" ON "SurveyAnswer"("questionId");

-- CreateIndex
CREATE INDEX "SurveyAnswer_teamId_idx" ON "SurveyAnswer"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyCode_codeHash_key" ON "SurveyCode"("codeHash");

-- CreateIndex
CREATE INDEX "SurveyCode_surveyId_idx" ON "SurveyCode"("surveyId");

-- CreateIndex
CREATE INDEX "SurveyCode_teamId_idx" ON "SurveyCode"("teamId");

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "InitiativeResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyQuestion" ADD CONSTRAINT "SurveyQuestion_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "SurveyResponse"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyAnswer" ADD CONSTRAINT "SurveyAnswer_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "SurveyQuestion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyCode" ADD CONSTRAINT "SurveyCode_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

