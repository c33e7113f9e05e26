import { describe, expect, it } from "vitest";
import { addressAllowed, parseRanges } from "@/lib/net/allowlist";

describe("address allowlist", () => {
  it("reads IPv4 and IPv6 ranges and single addresses, and names the first bad line", () => {
    expect(parseRanges(["203.0.113.0/24", " 2001:db8::/32", "198.51.100.7"])).toEqual({
      ok: true,
      ranges: ["203.0.113.0/24", "2001:db8::/32", "198.51.100.7/32"],
    });
    expect(parseRanges(["203.0.113.0/24", "not-an-address"])).toEqual({ ok: false, index: 1 });
    expect(parseRanges(["10.0.0.0/33"])).toEqual({ ok: false, index: 0 });
  });
  it("lets in addresses inside a range only; an empty list lets in everyone", () => {
    const ranges = ["203.0.113.0/24", "2001:db8::/32"];
    expect(addressAllowed("203.0.113.99", ranges)).toBe(true);
    expect(addressAllowed("::ffff:203.0.113.5", ranges)).toBe(true);
    expect(addressAllowed("2001:db8:1::1", ranges)).toBe(true);
    expect(addressAllowed("198.51.100.1", ranges)).toBe(false);
    expect(addressAllowed(null, ranges)).toBe(false);
    expect(addressAllowed("garbage", ranges)).toBe(false);
    expect(addressAllowed("198.51.100.1", [])).toBe(true);
  });
});
