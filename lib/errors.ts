// AppError and the one mapper: validation → 422, not found → 404, conflict/unique → 409.
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";

export type ErrorCode =
  "badRequest" | "unauthorized" | "forbidden" | "notFound" | "validation" | "conflict" | "rateLimited" | "unavailable" | "internal";

const STATUS: Record<ErrorCode, number> = {
  badRequest: 400,
  unauthorized: 401,
  forbidden: 403,
  notFound: 404,
  validation: 422,
  conflict: 409,
  rateLimited: 429,
  unavailable: 503,
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

/** Field errors keyed by path; messages are catalog keys (see zodMessages). */
export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

// The database is down, unreachable or refusing connections: the client should retry later.
const UNAVAILABLE_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "DatabaseDoesNotExist",
]);
const UNAVAILABLE_NET = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|Connection terminated|database timeout/;

export function isUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const kind = (error.meta?.driverAdapterError as { cause?: { kind?: string } } | undefined)?.cause?.kind;
    return UNAVAILABLE_CODES.has(error.code) || (kind !== undefined && UNAVAILABLE_KINDS.has(kind));
  }
  const e = error as { code?: unknown; message?: unknown } | null;
  return !!e && (UNAVAILABLE_NET.test(String(e.code ?? "")) || UNAVAILABLE_NET.test(String(e.message ?? "")));
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isUnavailable(error)) return new AppError("unavailable");
  if (error instanceof z.ZodError) return new AppError("validation", "validation", fieldErrorsOf(error));
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") return new AppError("conflict", "duplicate");
    if (error.code === "P2025") return new AppError("notFound");
  }
  // Inside an interactive transaction the driver adapter's own error arrives unwrapped.
  if ((error as { cause?: { kind?: string } } | null)?.cause?.kind === "UniqueConstraintViolation")
    return new AppError("conflict", "duplicate");
  return new AppError("internal");
}

export function errorResponse(error: unknown): Response {
  const e = toAppError(error);
  if (e.code === "internal") console.error(error);
  return Response.json(
    { error: e.code, message: e.messageKey, fieldErrors: e.fieldErrors, current: e.current },
    { status: e.status, headers: e.code === "unavailable" ? { "Retry-After": "30" } : undefined },
  );
}
