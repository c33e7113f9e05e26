import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/net/client-address";

const h = (xff?: string, real?: string) => ({ "x-forwarded-for": xff, "x-real-ip": real });

describe("client address for throttling", () => {
  it("ignores forwarded headers unless proxies are configured: a client cannot pick its address", () => {
    expect(clientAddress(h("203.0.113.9"), 0)).toBeNull();
    expect(clientAddress(h(undefined, "203.0.113.9"), 0)).toBeNull();
  });

  it("with N trusted proxies, takes the address the outermost trusted proxy saw", () => {
    // The client sends a forged first entry; the load balancer appends the real one.
    expect(clientAddress(h("198.51.100.1, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientAddress(h("198.51.100.1, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
    // Fewer entries than proxies: nothing trustworthy.
    expect(clientAddress(h("203.0.113.9"), 2)).toBeNull();
    expect(clientAddress(h(undefined), 1)).toBeNull();
    expect(clientAddress(h("not an address"), 1)).toBeNull();
  });
});
