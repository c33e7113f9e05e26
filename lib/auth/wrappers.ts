// The one wrapper for server actions and the one for route handlers: sign-in, team, permission, input.
import { z } from "zod";
import { AppError, errorResponse, fieldErrorsOf, toAppError } from "@/lib/errors";
import { isCrossSiteWrite } from "@/lib/net/same-origin";
import { unsafeTextErrors } from "@/lib/zod-helpers";
import { getTeamContext, type TeamCtx } from "./context";
import { can, type Permission } from "./permissions";

export type ActionResult<T> =
  { ok: true; data: T } | { ok: false; error: string; fieldErrors?: Record<string, string[]>; current?: unknown };

/** Runs fn for a signed-in member with the permission, on input parsed by schema. */
export async function runAction<S extends z.ZodType, T>(
  ctx: TeamCtx | null,
  permission: Permission,
  schema: S,
  input: unknown,
  fn: (ctx: TeamCtx, input: z.infer<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    if (!ctx) throw new AppError("unauthorized");
    if (ctx.addressRefused) throw new AppError("forbidden", "addressRefused");
    if (!can(ctx.role, permission)) throw new AppError("forbidden");
    if (ctx.mustEnrollTwoFactor && permission !== "account.self") throw new AppError("forbidden", "twoFactor.required");
    const unsafe = unsafeTextErrors(input);
    if (unsafe) return { ok: false, error: "validation", fieldErrors: unsafe };
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      return { ok: false, error: "validation", fieldErrors: fieldErrorsOf(parsed.error) };
    }
    return { ok: true, data: await fn(ctx, parsed.data) };
  } catch (e) {
    const err = toAppError(e);
    if (err.code === "internal") console.error(e);
    return { ok: false, error: err.messageKey, fieldErrors: err.fieldErrors, current: err.current };
  }
}

export function authedAction<S extends z.ZodType, T>(
  permission: Permission,
  schema: S,
  fn: (ctx: TeamCtx, input: z.infer<S>) => Promise<T>,
) {
  return async (input: z.input<S>): Promise<ActionResult<T>> => runAction(await getTeamContext(), permission, schema, input, fn);
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function withTeam(
  handler: (req: Request, ctx: TeamCtx, params: Record<string, string | string[]>) => Promise<Response>,
  options: { permission: Permission },
) {
  return async (req: Request, route: RouteContext): Promise<Response> => {
    try {
      if (isCrossSiteWrite(req)) throw new AppError("forbidden", "crossSite");
      const ctx = await getTeamContext();
      if (!ctx) throw new AppError("unauthorized");
      if (ctx.addressRefused) throw new AppError("forbidden", "addressRefused");
      if (!can(ctx.role, options.permission)) throw new AppError("forbidden");
      if (ctx.mustEnrollTwoFactor && options.permission !== "account.self") throw new AppError("forbidden", "twoFactor.required");
      const params = await route.params;
      // The URL is input too: its query and path parameters are checked before any handler sees them.
      const unsafe = unsafeTextErrors({ ...Object.fromEntries(new URL(req.url).searchParams), ...params });
      if (unsafe) throw new AppError("validation", "validation", unsafe);
      return noStore(await handler(req, ctx, params));
    } catch (e) {
      return noStore(errorResponse(e));
    }
  };
}

/** Answers for a signed-in member are never stored by a browser or a shared cache. */
function noStore(res: Response): Response {
  if (res.headers.has("Cache-Control")) return res;
  try {
    res.headers.set("Cache-Control", "no-store");
    return res;
  } catch {
    // Immutable headers (a response passed through): copy it.
    const headers = new Headers(res.headers);
    headers.set("Cache-Control", "no-store");
    return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
  }
}
