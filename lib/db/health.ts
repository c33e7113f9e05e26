import { isUnavailable } from "@/lib/errors";
import { getDb, type Db } from "./client";

export async function checkHealth(db: Db = getDb(), timeoutMs = 3000) {
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), timeoutMs)),
    ]);
    return { status: 200, body: { status: "ok", database: "ok" } };
  } catch (e) {
    // A short reason for the load balancer; the driver's text (hosts, users) is not for the public.
    const reason = (e as Error).message === "database timeout" ? "timeout" : isUnavailable(e) ? "unreachable" : "error";
    return { status: 503, body: { status: "error", database: "unavailable", reason } };
  }
}
