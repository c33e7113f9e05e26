// A team's address allowlist: CIDR ranges (IPv4 and IPv6). It is honoured only when the client
// address can be trusted (TRUSTED_PROXY_HOPS > 0); otherwise anyone could claim any address.
import ipaddr from "ipaddr.js";
import { clientAddress, type HeaderBag } from "./client-address";

/** The ranges in canonical form, or the first entry that is not a valid range (index). */
export function parseRanges(lines: string[]): { ok: true; ranges: string[] } | { ok: false; index: number } {
  const ranges: string[] = [];
  for (const [index, raw] of lines.entries()) {
    const entry = raw.trim();
    try {
      const [addr, bits] = entry.includes("/")
        ? ipaddr.parseCIDR(entry)
        : [ipaddr.parse(entry), ipaddr.parse(entry).kind() === "ipv4" ? 32 : 128];
      ranges.push(`${addr.toString()}/${bits}`);
    } catch {
      return { ok: false, index };
    }
  }
  return { ok: true, ranges: [...new Set(ranges)] };
}

export function addressAllowed(address: string | null, ranges: string[]): boolean {
  if (ranges.length === 0) return true;
  if (!address) return false;
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.process(address);
  } catch {
    return false;
  }
  return ranges.some((r) => {
    const [net, bits] = ipaddr.parseCIDR(r);
    const candidate =
      ip.kind() === net.kind()
        ? ip
        : ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()
          ? (ip as ipaddr.IPv6).toIPv4Address()
          : null;
    return candidate !== null && candidate.kind() === net.kind() && candidate.match([net, bits] as never);
  });
}

/**
 * The address an allowlist is checked against: the client's (null when it cannot be told), or
 * undefined when no proxy is trusted and allowlists are not applied.
 */
export function allowlistAddress(headers: HeaderBag, trustedHops: number): string | null | undefined {
  return trustedHops > 0 ? clientAddress(headers, trustedHops) : undefined;
}
