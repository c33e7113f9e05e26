"use server";
// Review steps. Who may do what (mentor, mentee, admin) is decided in lib/reviews, per review.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/wrappers";
import { addAction, addComment, closeReview, editComment, saveSelfReflection, setActionDone, startReview } from "@/lib/reviews/mutations";
import { actionSchema, commentSchema, editCommentSchema, idSchema, selfReflectionSchema, startReviewSchema } from "@/lib/reviews/schemas";
import { z } from "zod";

const again = (id: string) => revalidatePath(`/reviews/${id}`);

export const startReviewAction = authedAction("reviews.write", startReviewSchema, async (ctx, input) => startReview(ctx, input));

export const saveSelfAction = authedAction("reviews.respondOwn", selfReflectionSchema, async (ctx, input) => {
  const res = await saveSelfReflection(ctx, input);
  again(input.reviewId);
  return res;
});

export const commentAction = authedAction("reviews.respondOwn", commentSchema, async (ctx, input) => {
  const res = await addComment(ctx, input);
  again(input.reviewId);
  return res;
});

export const editCommentAction = authedAction("reviews.respondOwn", editCommentSchema, async (ctx, input) => {
  await editComment(ctx, input);
  return null;
});

export const addActionAction = authedAction("reviews.write", actionSchema, async (ctx, input) => {
  const res = await addAction(ctx, input);
  again(input.reviewId);
  return res;
});

export const setActionDoneAction = authedAction(
  "reviews.respondOwn",
  z.object({ id: z.string().min(1), done: z.boolean() }),
  async (ctx, { id, done }) => {
    await setActionDone(ctx, id, done);
    revalidatePath("/");
    return null;
  },
);

export const closeReviewAction = authedAction("reviews.write", idSchema, async (ctx, { id }) => {
  await closeReview(ctx, id);
  again(id);
  return null;
});
