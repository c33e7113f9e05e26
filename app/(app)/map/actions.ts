"use server";
// Map edits: typed links between people, and a boss for someone with no reporting line.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/auth/wrappers";
import { setReportsTo } from "@/lib/key-persons/mutations";
import { createLinkSchema } from "@/lib/map/link-schemas";
import { recordIdSchema } from "@/lib/zod-helpers";
import { createLink, deleteLink } from "@/lib/map/links";

export const addLinkAction = authedAction("keyPersons.write", createLinkSchema, async (ctx, input) => {
  const link = await createLink(ctx, input);
  revalidatePath("/map");
  return link;
});

export const deleteLinkAction = authedAction("keyPersons.write", recordIdSchema, async (ctx, { id }) => {
  await deleteLink(ctx, id);
  revalidatePath("/map");
  return null;
});

const bossSchema = z.object({ id: z.string().min(1), reportsToId: z.string().min(1, "required") });

export const setBossAction = authedAction("keyPersons.write", bossSchema, async (ctx, { id, reportsToId }) => {
  await setReportsTo(ctx, id, reportsToId);
  revalidatePath("/map");
  return null;
});
