-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'MENTOR', 'NURSE');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('ACTIVE', 'DEACTIVATED');

-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('ja', 'en');

-- CreateEnum
CREATE TYPE "DepartmentKind" AS ENUM ('COMPANY', 'SITE', 'DEPARTMENT');

-- CreateEnum
CREATE TYPE "PressureKind" AS ENUM ('DEADLINE', 'TURNOVER', 'ABSENCE', 'TROUBLE', 'STAFFING', 'OTHER');

-- CreateEnum
CREATE TYPE "KeyPersonKind" AS ENUM ('LINE_MANAGER', 'HR', 'GENERAL_AFFAIRS', 'SAFETY', 'EXECUTIVE', 'OCCUPATIONAL_PHYSICIAN', 'OTHER');

-- CreateEnum
CREATE TYPE "Stance" AS ENUM ('UNCOOPERATIVE', 'INDIFFERENT', 'NEUTRAL', 'COOPERATIVE', 'CHAMPION');

-- CreateEnum
CREATE TYPE "ResistanceReason" AS ENUM ('LOW_PRIORITY', 'OUTSIDE_INFLUENCE', 'SHORT_OF_INFORMATION', 'SUPPORTIVE_NOT_VISIBLE', 'OTHER');

-- CreateEnum
CREATE TYPE "ValueKind" AS ENUM ('PRODUCTIVITY', 'RETENTION', 'SAFETY', 'COMPLIANCE', 'COST', 'MORALE', 'QUALITY', 'OTHER');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('IN_PERSON', 'EMAIL', 'CHAT', 'PHONE', 'MEETING');

-- CreateEnum
CREATE TYPE "TouchpointType" AS ENUM ('GREETING', 'LISTENING', 'GIVE', 'ASK', 'THANKS', 'MEETING', 'COMMITTEE', 'EMAIL', 'OTHER');

-- CreateEnum
CREATE TYPE "Principle" AS ENUM ('RECIPROCITY', 'AUTHORITY', 'SOCIAL_PROOF', 'REASON', 'CONTRAST', 'CONSISTENCY');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('DRAFT', 'SENT', 'ACCEPTED', 'DECLINED', 'FALLBACK_SENT', 'FALLBACK_ACCEPTED', 'FALLBACK_DECLINED', 'DONE');

-- CreateEnum
CREATE TYPE "Frequency" AS ENUM ('ONCE', 'WEEKLY', 'BIWEEKLY', 'MONTHLY', 'QUARTERLY');

-- CreateEnum
CREATE TYPE "CaseKind" AS ENUM ('RETURN_TO_WORK', 'MENTAL_HEALTH', 'HIGH_RISK', 'LONG_HOURS', 'OTHER');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('OPEN', 'FOLLOW_UP', 'CLOSED');

-- CreateEnum
CREATE TYPE "InitiativeKind" AS ENUM ('MINI_TALK', 'FOLLOW_UP_SCHEME', 'LEDGER_TOOL', 'SEMINAR', 'CAMPAIGN', 'OTHER');

-- CreateEnum
CREATE TYPE "InitiativeStage" AS ENUM ('IDEA', 'PROPOSED', 'PILOT', 'EVALUATED', 'ADOPTED', 'EXPANDED', 'STOPPED');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('OPEN', 'DONE');

-- CreateTable
CREATE TABLE "Team" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "noContactDays" INTEGER NOT NULL DEFAULT 60,
    "minGroupSize" INTEGER NOT NULL DEFAULT 10,
    "caseNamesOn" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'ja',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "status" "MembershipStatus" NOT NULL DEFAULT 'ACTIVE',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deactivatedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorAssignment" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "menteeId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MentorAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT,
    "role" "Role" NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acceptedAt" TIMESTAMP(3),
    "acceptedBy" TEXT,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "parentId" TEXT,
    "kind" "DepartmentKind" NOT NULL DEFAULT 'DEPARTMENT',
    "name" TEXT NOT NULL,
    "externalId" TEXT,
    "headcount" INTEGER,
    "path" TEXT NOT NULL DEFAULT '/',
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepartmentNote" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "kind" "PressureKind" NOT NULL,
    "body" TEXT NOT NULL,
    "notedOn" DATE NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DepartmentNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "KeyPerson" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "nameKana" TEXT NOT NULL DEFAULT '',
    "title" TEXT NOT NULL DEFAULT '',
    "departmentId" TEXT,
    "kind" "KeyPersonKind" NOT NULL,
    "reportsToId" TEXT,
    "ownerId" TEXT,
    "stance" "Stance" NOT NULL DEFAULT 'NEUTRAL',
    "influence" INTEGER NOT NULL DEFAULT 3,
    "interest" INTEGER NOT NULL DEFAULT 3,
    "resistanceReason" "ResistanceReason",
    "painPoints" TEXT NOT NULL DEFAULT '',
    "values" "ValueKind"[],
    "bestTiming" TEXT NOT NULL DEFAULT '',
    "preferredChannel" "Channel",
    "tags" TEXT[],
    "notes" TEXT NOT NULL DEFAULT '',
    "lastContactAt" TIMESTAMP(3),
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KeyPerson_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StanceChange" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "keyPersonId" TEXT NOT NULL,
    "fromStance" "Stance",
    "toStance" "Stance" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "changedById" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StanceChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Touchpoint" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "type" "TouchpointType" NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "nurseId" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "principles" "Principle"[],
    "followUpDueOn" DATE,
    "followUpDoneAt" TIMESTAMP(3),
    "caseId" TEXT,
    "initiativeId" TEXT,
    "requestId" TEXT,
    "deletedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Touchpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TouchpointParticipant" (
    "touchpointId" TEXT NOT NULL,
    "keyPersonId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "type" "TouchpointType" NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TouchpointParticipant_pkey" PRIMARY KEY ("touchpointId","keyPersonId")
);

-- CreateTable
CREATE TABLE "RequestTemplate" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "doer" TEXT NOT NULL DEFAULT '',
    "effortMinutes" INTEGER,
    "frequency" "Frequency" NOT NULL DEFAULT 'ONCE',
    "benefit" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL DEFAULT '',
    "nurseSupport" TEXT NOT NULL DEFAULT '',
    "fallbackWhat" TEXT NOT NULL DEFAULT '',
    "fallbackMinutes" INTEGER,
    "principles" "Principle"[],
    "archivedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RequestTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Request" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "keyPersonId" TEXT NOT NULL,
    "nurseId" TEXT NOT NULL,
    "templateId" TEXT,
    "what" TEXT NOT NULL,
    "doer" TEXT NOT NULL DEFAULT '',
    "dueOn" DATE,
    "effortMinutes" INTEGER,
    "frequency" "Frequency" NOT NULL DEFAULT 'ONCE',
    "benefit" TEXT NOT NULL DEFAULT '',
    "reason" TEXT NOT NULL DEFAULT '',
    "nurseSupport" TEXT NOT NULL DEFAULT '',
    "fallbackWhat" TEXT NOT NULL DEFAULT '',
    "fallbackMinutes" INTEGER,
    "principles" "Principle"[],
    "status" "RequestStatus" NOT NULL DEFAULT 'DRAFT',
    "sentAt" TIMESTAMP(3),
    "respondedAt" TIMESTAMP(3),
    "thankedAt" TIMESTAMP(3),
    "caseId" TEXT,
    "initiativeId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskLevel" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskLevel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "employeeCode" TEXT NOT NULL,
    "employeeName" TEXT,
    "kind" "CaseKind" NOT NULL,
    "departmentId" TEXT,
    "status" "CaseStatus" NOT NULL DEFAULT 'OPEN',
    "consentAt" TIMESTAMP(3),
    "consentScope" TEXT NOT NULL DEFAULT '',
    "consentMethod" TEXT NOT NULL DEFAULT '',
    "followUpPlan" TEXT NOT NULL DEFAULT '',
    "nextFollowUpOn" DATE,
    "openedOn" DATE NOT NULL,
    "closedOn" DATE,
    "returnOn" DATE,
    "continued3m" BOOLEAN,
    "continued6m" BOOLEAN,
    "deletedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseNurse" (
    "caseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,

    CONSTRAINT "CaseNurse_pkey" PRIMARY KEY ("caseId","userId")
);

-- CreateTable
CREATE TABLE "CaseKeyPerson" (
    "caseId" TEXT NOT NULL,
    "keyPersonId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,

    CONSTRAINT "CaseKeyPerson_pkey" PRIMARY KEY ("caseId","keyPersonId")
);

-- CreateTable
CREATE TABLE "CaseAssessment" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "riskLevelId" TEXT NOT NULL,
    "assessedOn" DATE NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Initiative" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "InitiativeKind" NOT NULL,
    "stage" "InitiativeStage" NOT NULL DEFAULT 'IDEA',
    "description" TEXT NOT NULL DEFAULT '',
    "plannedStartOn" DATE,
    "plannedEndOn" DATE,
    "actualStartOn" DATE,
    "actualEndOn" DATE,
    "effortMinutes" INTEGER,
    "indicatorName" TEXT NOT NULL DEFAULT '',
    "indicatorUnit" TEXT NOT NULL DEFAULT '',
    "indicatorLowerIsBetter" BOOLEAN NOT NULL DEFAULT true,
    "goodExample" TEXT NOT NULL DEFAULT '',
    "stoppedReason" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Initiative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeDepartment" (
    "initiativeId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,

    CONSTRAINT "InitiativeDepartment_pkey" PRIMARY KEY ("initiativeId","departmentId")
);

-- CreateTable
CREATE TABLE "InitiativeChampion" (
    "initiativeId" TEXT NOT NULL,
    "keyPersonId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,

    CONSTRAINT "InitiativeChampion_pkey" PRIMARY KEY ("initiativeId","keyPersonId")
);

-- CreateTable
CREATE TABLE "InitiativeOwner" (
    "initiativeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,

    CONSTRAINT "InitiativeOwner_pkey" PRIMARY KEY ("initiativeId","userId")
);

-- CreateTable
CREATE TABLE "InitiativeStageChange" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "fromStage" "InitiativeStage",
    "toStage" "InitiativeStage" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "changedById" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InitiativeStageChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InitiativeResult" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "initiativeId" TEXT NOT NULL,
    "runOn" DATE NOT NULL,
    "participants" INTEGER NOT NULL,
    "targetHeadcount" INTEGER NOT NULL,
    "satisfactionMean" DOUBLE PRECISION,
    "satisfactionResponses" INTEGER NOT NULL DEFAULT 0,
    "indicatorBefore" DOUBLE PRECISION,
    "indicatorAfter" DOUBLE PRECISION,
    "comments" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InitiativeResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorReview" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "mentorId" TEXT NOT NULL,
    "menteeId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "status" "ReviewStatus" NOT NULL DEFAULT 'OPEN',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MentorReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewComment" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "keyPersonId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShareLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "detail" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedFilter" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "area" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedFilter_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Membership_userId_status_idx" ON "Membership"("userId", "status");

-- CreateIndex
CREATE INDEX "Membership_teamId_role_status_idx" ON "Membership"("teamId", "role", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_teamId_userId_key" ON "Membership"("teamId", "userId");

-- CreateIndex
CREATE INDEX "MentorAssignment_teamId_mentorId_idx" ON "MentorAssignment"("teamId", "mentorId");

-- CreateIndex
CREATE UNIQUE INDEX "MentorAssignment_teamId_menteeId_key" ON "MentorAssignment"("teamId", "menteeId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_teamId_createdAt_idx" ON "Invitation"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_key_createdAt_idx" ON "LoginAttempt"("key", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_createdAt_idx" ON "LoginAttempt"("createdAt");

-- CreateIndex
CREATE INDEX "Department_teamId_parentId_idx" ON "Department"("teamId", "parentId");

-- CreateIndex
CREATE INDEX "Department_teamId_path_idx" ON "Department"("teamId", "path");

-- CreateIndex
CREATE INDEX "Department_teamId_name_idx" ON "Department"("teamId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Department_teamId_externalId_key" ON "Department"("teamId", "externalId");

-- CreateIndex
CREATE INDEX "DepartmentNote_teamId_departmentId_notedOn_idx" ON "DepartmentNote"("teamId", "departmentId", "notedOn");

-- CreateIndex
CREATE INDEX "KeyPerson_teamId_name_idx" ON "KeyPerson"("teamId", "name");

-- CreateIndex
CREATE INDEX "KeyPerson_teamId_nameKana_idx" ON "KeyPerson"("teamId", "nameKana");

-- CreateIndex
CREATE INDEX "KeyPerson_teamId_departmentId_idx" ON "KeyPerson"("teamId", "departmentId");

-- CreateIndex
CREATE INDEX "KeyPerson_teamId_stance_idx" ON "KeyPerson"("teamId", "stance");

-- CreateIndex
CREATE INDEX "KeyPerson_teamId_ownerId_idx" ON "KeyPerson"("teamId", "ownerId");

-- CreateIndex
CREATE INDEX "KeyPerson_teamId_lastContactAt_idx" ON "KeyPerson"("teamId", "lastContactAt");

-- CreateIndex
CREATE INDEX "KeyPerson_teamId_reportsToId_idx" ON "KeyPerson"("teamId", "reportsToId");

-- CreateIndex
CREATE INDEX "KeyPerson_tags_idx" ON "KeyPerson" USING GIN ("tags");

-- CreateIndex
CREATE UNIQUE INDEX "KeyPerson_teamId_externalId_key" ON "KeyPerson"("teamId", "externalId");

-- CreateIndex
CREATE INDEX "StanceChange_teamId_keyPersonId_changedAt_idx" ON "StanceChange"("teamId", "keyPersonId", "changedAt");

-- CreateIndex
CREATE INDEX "StanceChange_teamId_changedAt_idx" ON "StanceChange"("teamId", "changedAt");

-- CreateIndex
CREATE INDEX "Touchpoint_teamId_occurredAt_idx" ON "Touchpoint"("teamId", "occurredAt");

-- CreateIndex
CREATE INDEX "Touchpoint_teamId_nurseId_occurredAt_idx" ON "Touchpoint"("teamId", "nurseId", "occurredAt");

-- CreateIndex
CREATE INDEX "Touchpoint_teamId_nurseId_followUpDueOn_idx" ON "Touchpoint"("teamId", "nurseId", "followUpDueOn");

-- CreateIndex
CREATE INDEX "Touchpoint_teamId_type_occurredAt_idx" ON "Touchpoint"("teamId", "type", "occurredAt");

-- CreateIndex
CREATE INDEX "Touchpoint_requestId_idx" ON "Touchpoint"("requestId");

-- CreateIndex
CREATE INDEX "Touchpoint_caseId_idx" ON "Touchpoint"("caseId");

-- CreateIndex
CREATE INDEX "Touchpoint_initiativeId_idx" ON "Touchpoint"("initiativeId");

-- CreateIndex
CREATE INDEX "TouchpointParticipant_teamId_keyPersonId_occurredAt_idx" ON "TouchpointParticipant"("teamId", "keyPersonId", "occurredAt");

-- CreateIndex
CREATE INDEX "RequestTemplate_teamId_title_idx" ON "RequestTemplate"("teamId", "title");

-- CreateIndex
CREATE INDEX "Request_teamId_status_respondedAt_idx" ON "Request"("teamId", "status", "respondedAt");

-- CreateIndex
CREATE INDEX "Request_teamId_keyPersonId_createdAt_idx" ON "Request"("teamId", "keyPersonId", "createdAt");

-- CreateIndex
CREATE INDEX "Request_teamId_nurseId_createdAt_idx" ON "Request"("teamId", "nurseId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "RiskLevel_teamId_rank_key" ON "RiskLevel"("teamId", "rank");

-- CreateIndex
CREATE INDEX "Case_teamId_status_kind_idx" ON "Case"("teamId", "status", "kind");

-- CreateIndex
CREATE INDEX "Case_teamId_departmentId_idx" ON "Case"("teamId", "departmentId");

-- CreateIndex
CREATE INDEX "Case_teamId_openedOn_idx" ON "Case"("teamId", "openedOn");

-- CreateIndex
CREATE UNIQUE INDEX "Case_teamId_employeeCode_openedOn_key" ON "Case"("teamId", "employeeCode", "openedOn");

-- CreateIndex
CREATE INDEX "CaseNurse_teamId_userId_idx" ON "CaseNurse"("teamId", "userId");

-- CreateIndex
CREATE INDEX "CaseKeyPerson_teamId_keyPersonId_idx" ON "CaseKeyPerson"("teamId", "keyPersonId");

-- CreateIndex
CREATE INDEX "CaseAssessment_teamId_caseId_assessedOn_idx" ON "CaseAssessment"("teamId", "caseId", "assessedOn");

-- CreateIndex
CREATE INDEX "Initiative_teamId_stage_idx" ON "Initiative"("teamId", "stage");

-- CreateIndex
CREATE INDEX "Initiative_teamId_kind_idx" ON "Initiative"("teamId", "kind");

-- CreateIndex
CREATE INDEX "InitiativeDepartment_teamId_departmentId_idx" ON "InitiativeDepartment"("teamId", "departmentId");

-- CreateIndex
CREATE INDEX "InitiativeChampion_teamId_keyPersonId_idx" ON "InitiativeChampion"("teamId", "keyPersonId");

-- CreateIndex
CREATE INDEX "InitiativeOwner_teamId_userId_idx" ON "InitiativeOwner"("teamId", "userId");

-- CreateIndex
CREATE INDEX "InitiativeStageChange_teamId_initiativeId_changedAt_idx" ON "InitiativeStageChange"("teamId", "initiativeId", "changedAt");

-- CreateIndex
CREATE INDEX "InitiativeStageChange_teamId_changedAt_idx" ON "InitiativeStageChange"("teamId", "changedAt");

-- CreateIndex
CREATE INDEX "InitiativeResult_teamId_initiativeId_runOn_idx" ON "InitiativeResult"("teamId", "initiativeId", "runOn");

-- CreateIndex
CREATE INDEX "InitiativeResult_teamId_runOn_idx" ON "InitiativeResult"("teamId", "runOn");

-- CreateIndex
CREATE INDEX "MentorReview_teamId_menteeId_createdAt_idx" ON "MentorReview"("teamId", "menteeId", "createdAt");

-- CreateIndex
CREATE INDEX "MentorReview_teamId_mentorId_createdAt_idx" ON "MentorReview"("teamId", "mentorId", "createdAt");

-- CreateIndex
CREATE INDEX "ReviewComment_teamId_reviewId_createdAt_idx" ON "ReviewComment"("teamId", "reviewId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");

-- CreateIndex
CREATE INDEX "ShareLink_teamId_createdAt_idx" ON "ShareLink"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_teamId_createdAt_idx" ON "AuditLog"("teamId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_teamId_entityType_entityId_idx" ON "AuditLog"("teamId", "entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "SavedFilter_teamId_userId_area_name_key" ON "SavedFilter"("teamId", "userId", "area", "name");

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorAssignment" ADD CONSTRAINT "MentorAssignment_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorAssignment" ADD CONSTRAINT "MentorAssignment_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorAssignment" ADD CONSTRAINT "MentorAssignment_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentNote" ADD CONSTRAINT "DepartmentNote_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentNote" ADD CONSTRAINT "DepartmentNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyPerson" ADD CONSTRAINT "KeyPerson_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyPerson" ADD CONSTRAINT "KeyPerson_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyPerson" ADD CONSTRAINT "KeyPerson_reportsToId_fkey" FOREIGN KEY ("reportsToId") REFERENCES "KeyPerson"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KeyPerson" ADD CONSTRAINT "KeyPerson_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StanceChange" ADD CONSTRAINT "StanceChange_keyPersonId_fkey" FOREIGN KEY ("keyPersonId") REFERENCES "KeyPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StanceChange" ADD CONSTRAINT "StanceChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touchpoint" ADD CONSTRAINT "Touchpoint_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touchpoint" ADD CONSTRAINT "Touchpoint_nurseId_fkey" FOREIGN KEY ("nurseId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touchpoint" ADD CONSTRAINT "Touchpoint_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touchpoint" ADD CONSTRAINT "Touchpoint_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Touchpoint" ADD CONSTRAINT "Touchpoint_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TouchpointParticipant" ADD CONSTRAINT "TouchpointParticipant_touchpointId_fkey" FOREIGN KEY ("touchpointId") REFERENCES "Touchpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TouchpointParticipant" ADD CONSTRAINT "TouchpointParticipant_keyPersonId_fkey" FOREIGN KEY ("keyPersonId") REFERENCES "KeyPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestTemplate" ADD CONSTRAINT "RequestTemplate_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_keyPersonId_fkey" FOREIGN KEY ("keyPersonId") REFERENCES "KeyPerson"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_nurseId_fkey" FOREIGN KEY ("nurseId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "RequestTemplate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskLevel" ADD CONSTRAINT "RiskLevel_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNurse" ADD CONSTRAINT "CaseNurse_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNurse" ADD CONSTRAINT "CaseNurse_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseKeyPerson" ADD CONSTRAINT "CaseKeyPerson_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseKeyPerson" ADD CONSTRAINT "CaseKeyPerson_keyPersonId_fkey" FOREIGN KEY ("keyPersonId") REFERENCES "KeyPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseAssessment" ADD CONSTRAINT "CaseAssessment_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseAssessment" ADD CONSTRAINT "CaseAssessment_riskLevelId_fkey" FOREIGN KEY ("riskLevelId") REFERENCES "RiskLevel"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Initiative" ADD CONSTRAINT "Initiative_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeDepartment" ADD CONSTRAINT "InitiativeDepartment_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeDepartment" ADD CONSTRAINT "InitiativeDepartment_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeChampion" ADD CONSTRAINT "InitiativeChampion_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeChampion" ADD CONSTRAINT "InitiativeChampion_keyPersonId_fkey" FOREIGN KEY ("keyPersonId") REFERENCES "KeyPerson"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeOwner" ADD CONSTRAINT "InitiativeOwner_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeOwner" ADD CONSTRAINT "InitiativeOwner_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeStageChange" ADD CONSTRAINT "InitiativeStageChange_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeStageChange" ADD CONSTRAINT "InitiativeStageChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InitiativeResult" ADD CONSTRAINT "InitiativeResult_initiativeId_fkey" FOREIGN KEY ("initiativeId") REFERENCES "Initiative"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorReview" ADD CONSTRAINT "MentorReview_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorReview" ADD CONSTRAINT "MentorReview_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorReview" ADD CONSTRAINT "MentorReview_menteeId_fkey" FOREIGN KEY ("menteeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "MentorReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewComment" ADD CONSTRAINT "ReviewComment_keyPersonId_fkey" FOREIGN KEY ("keyPersonId") REFERENCES "KeyPerson"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedFilter" ADD CONSTRAINT "SavedFilter_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedFilter" ADD CONSTRAINT "SavedFilter_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

