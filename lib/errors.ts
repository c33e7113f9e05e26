// AppError and the one mapper: validation → 422, not found → 404, conflict/unique → 409.
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";

export type ErrorCode =
  | "unauthorized"
  | "forbidden"
  | "notFound"
  | "validation"
  | "conflict"
  | "rateLimited"
  | "internal";

const STATUS: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  validation: 422,
  conflict: 409,
  rateLimited: 429,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    public code: ErrorCode,
    /** A message-catalog key under "errors", shown to the user. */
    public messageKey: string = code,
    public fieldErrors?: Record<string, string[]>,
    /** For conflicts: the record as it is now, so the user can compare both versions. */
    public current?: unknown,
  ) {
    super(messageKey);
  }
  get status() {
    return STATUS[this.code];
  }
}

export const notFound = () => new AppError("notFound");
export const forbidden = () => new AppError("forbidden");

/** Field errors keyed by path; messages are catalog keys (see zodMessages). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) return new AppError("validation", "validation", fieldErrorsOf(error));
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return new AppError("conflict", "duplicate");
    if (error.code === "P2025") return new AppError("notFound");
  }
  return new AppError("internal");
}

export function errorResponse(error: unknown): Response {
  const e = toAppError(error);
  if (e.code === "internal") console.error(error);
  return Response.json(
    { error: e.code, message: e.messageKey, fieldErrors: e.fieldErrors, current: e.current },
    { status: e.status },
  );
}
