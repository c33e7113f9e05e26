// The client's address, for per-address throttling. X-Forwarded-For is written by whoever sends the
// request, so it is trusted only when TRUSTED_PROXY_HOPS says how many proxies of ours append to it:
// the entry that many places from the right is the one our outermost proxy saw. Without proxies
// configured there is no trustworthy address (Next gives no socket address), and per-address limits
// are skipped rather than applied to a value anyone can forge or use to lock someone else out.
import { isIP } from "node:net";

/** Request headers as Next (Headers) or next-auth (a plain record) hands them over. */
export type HeaderBag = Record<string, unknown> | { get(name: string): string | null };

export function header(h: HeaderBag | undefined, name: string): string | undefined {
  if (!h) return undefined;
  const v =
    typeof (h as { get?: unknown }).get === "function"
      ? (h as { get(n: string): string | null }).get(name)
      : (h as Record<string, unknown>)[name];
  return typeof v === "string" ? v : undefined;
}

export function clientAddress(headers: HeaderBag | undefined, trustedHops: number): string | null {
  if (!headers || trustedHops <= 0) return null;
  const chain = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const entry = chain[chain.length - trustedHops];
  return entry && isIP(entry) ? entry : null;
}
