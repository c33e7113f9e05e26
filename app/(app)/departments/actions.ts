"use server";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/auth/wrappers";
import { addDepartmentNote, createDepartment, setDepartmentArchived, updateDepartment } from "@/lib/departments/mutations";
import { archiveDepartmentSchema, createDepartmentSchema, departmentNoteSchema, updateDepartmentSchema } from "@/lib/departments/schemas";

export const addDepartment = authedAction("departments.write", createDepartmentSchema, async (ctx, input) => {
  const d = await createDepartment(ctx, input);
  revalidatePath("/departments");
  return d;
});

export const saveDepartment = authedAction("departments.write", updateDepartmentSchema, async (ctx, input) => {
  const d = await updateDepartment(ctx, input);
  revalidatePath("/departments", "layout");
  return d;
});

export const archiveDepartment = authedAction("departments.write", archiveDepartmentSchema, async (ctx, { id, archived }) => {
  await setDepartmentArchived(ctx, id, archived);
  revalidatePath("/departments", "layout");
  return null;
});

export const addPressure = authedAction("departments.write", departmentNoteSchema, async (ctx, input) => {
  const n = await addDepartmentNote(ctx, input);
  revalidatePath(`/departments/${input.departmentId}`);
  return n;
});
