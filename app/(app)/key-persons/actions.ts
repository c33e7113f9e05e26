"use server";
// Key person changes and saved filters.
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/wrappers";
import { changeStance, createKeyPerson, setArchived, updateKeyPerson } from "@/lib/key-persons/mutations";
import { bulkEdit, bulkEditSchema, bulkUndoSchema, undoBulkEdit } from "@/lib/key-persons/bulk";
import { eraseKeyPerson, eraseSchema } from "@/lib/key-persons/erase";
import { mergePeople, mergeSchema, undoMerge } from "@/lib/key-persons/merge";
import { deleteSavedFilter, saveFilter } from "@/lib/key-persons/saved-filters";
import {
  archiveKeyPersonSchema,
  changeStanceSchema,
  createKeyPersonSchema,
  savedFilterSchema,
  updateKeyPersonSchema,
} from "@/lib/key-persons/schemas";
import { recordIdSchema } from "@/lib/zod-helpers";

export const createPerson = authedAction("keyPersons.write", createKeyPersonSchema, async (ctx, input) => createKeyPerson(ctx, input));

export const updatePerson = authedAction("keyPersons.write", updateKeyPersonSchema, async (ctx, input) => {
  const res = await updateKeyPerson(ctx, input);
  revalidatePath(`/key-persons/${input.id}`);
  return res;
});

export const setStance = authedAction("keyPersons.write", changeStanceSchema, async (ctx, input) => {
  const res = await changeStance(ctx, input);
  revalidatePath(`/key-persons/${input.id}`);
  return res;
});

export const archivePerson = authedAction("keyPersons.write", archiveKeyPersonSchema, async (ctx, { id, archived }) => {
  await setArchived(ctx, id, archived);
  revalidatePath(`/key-persons/${id}`);
  return null;
});

// Saved filters are her own preferences, like her language.
export const saveKeyPersonFilter = authedAction("account.self", savedFilterSchema, async (ctx, input) => saveFilter(ctx, input));

export const deleteKeyPersonFilter = authedAction("account.self", recordIdSchema, async (ctx, { id }) => {
  await deleteSavedFilter(ctx, id);
  return null;
});

/** Two records of one person become one (everything moves to the kept record); undoable. */
export const mergePerson = authedAction("keyPersons.write", mergeSchema, async (ctx, input) => {
  const res = await mergePeople(ctx, input);
  revalidatePath("/", "layout");
  return res;
});

export const undoPersonMerge = authedAction("keyPersons.write", recordIdSchema, async (ctx, { id }) => {
  const res = await undoMerge(ctx, id);
  revalidatePath("/", "layout");
  return res;
});

/** Bulk edit from the list; returns the values before, for the toast's undo. */
export const bulkEditPeople = authedAction("keyPersons.write", bulkEditSchema, async (ctx, input) => {
  const res = await bulkEdit(ctx, input);
  revalidatePath("/key-persons");
  return res;
});

export const undoBulkEditPeople = authedAction("keyPersons.write", bulkUndoSchema, async (ctx, input) => {
  const res = await undoBulkEdit(ctx, input);
  revalidatePath("/key-persons");
  return res;
});

/** Erases a person for good (admins): everything recorded about him, audit-logged with counts only. */
export const erasePerson = authedAction("keyPersons.erase", eraseSchema, async (ctx, input) => {
  const counts = await eraseKeyPerson(ctx, input);
  revalidatePath("/", "layout");
  return counts;
});
