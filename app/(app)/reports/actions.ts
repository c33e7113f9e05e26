"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/wrappers";
import { archiveReport, createReport, issueReport, updateReport } from "@/lib/reports/reports";
import { reportIdSchema, reportSchema, shareLinkIdSchema, shareLinkSchema, updateReportSchema } from "@/lib/reports/schemas";
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

export const issue = authedAction("reports.write", reportIdSchema, async (ctx, { id }) => {
  const r = await issueReport(ctx, id);
  revalidatePath(`/reports/${id}`);
  return r;
});

export const makeShareLink = authedAction("share.manage", shareLinkSchema, async (ctx, input) => {
  const link = await createShareLink(ctx, input);
  revalidatePath("/reports", "layout");
  return { path: link.path, expiresAt: link.expiresAt.toISOString() };
});

const linkAction = (action: "pause" | "resume" | "revoke" | "clearLock") =>
  authedAction("share.manage", shareLinkIdSchema, async (ctx, { id }) => {
    await changeShareLink(ctx, id, action);
    revalidatePath("/reports", "layout");
    return null;
  });

export const pauseShareLink = linkAction("pause");
export const resumeShareLink = linkAction("resume");
export const revokeShareLink = linkAction("revoke");
export const unlockShareLinkAdmin = linkAction("clearLock");
