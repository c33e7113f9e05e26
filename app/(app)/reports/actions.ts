"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/wrappers";
import { saveEditsSchema } from "@/lib/reports/edits";
import { archiveReport, createReport, draftReport, issueReport, saveReportEdits, updateReport } from "@/lib/reports/reports";
import { issueSchema, reportIdSchema, reportSchema, shareLinkIdSchema, shareLinkSchema, updateReportSchema } from "@/lib/reports/schemas";
import { changeShareLink, createShareLink } from "@/lib/share/links";

export const saveNewReport = authedAction("reports.write", reportSchema, async (ctx, input) => createReport(ctx, input));

export const saveReport = authedAction("reports.write", updateReportSchema, async (ctx, input) => {
  const r = await updateReport(ctx, input);
  revalidatePath(`/reports/${input.id}`);
  return r;
});

export const removeReport = authedAction("reports.write", reportIdSchema, async (ctx, { id }) => {
  await archiveReport(ctx, id);
  revalidatePath("/reports");
  return null;
});

export const prepareDraft = authedAction("reports.write", reportIdSchema, async (ctx, { id }) => {
  const { hash } = await draftReport(ctx, id);
  revalidatePath(`/reports/${id}`);
  return { hash };
});

export const saveEdits = authedAction("reports.write", saveEditsSchema, async (ctx, input) => {
  const r = await saveReportEdits(ctx, input);
  revalidatePath(`/reports/${input.id}`);
  return r;
});

/** Issues the draft the nurse reviewed (its hash), or refuses when the numbers moved since. */
export const issue = authedAction("reports.write", issueSchema, async (ctx, { id, draft }) => {
  try {
    return await issueReport(ctx, id, new Date(), draft);
  } finally {
    revalidatePath(`/reports/${id}`);
  }
});

export const makeShareLink = authedAction("share.manage", shareLinkSchema, async (ctx, input) => {
  const link = await createShareLink(ctx, input);
  revalidatePath(input.newsletterIssueId ? "/newsletters" : "/reports", "layout");
  return { path: link.path, expiresAt: link.expiresAt.toISOString() };
});

const linkAction = (action: "pause" | "resume" | "revoke" | "clearLock") =>
  authedAction("share.manage", shareLinkIdSchema, async (ctx, { id }) => {
    await changeShareLink(ctx, id, action);
    revalidatePath("/reports", "layout");
    revalidatePath("/newsletters", "layout");
    return null;
  });

export const pauseShareLink = linkAction("pause");
export const resumeShareLink = linkAction("resume");
export const revokeShareLink = linkAction("revoke");
export const unlockShareLinkAdmin = linkAction("clearLock");
