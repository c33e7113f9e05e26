import { describe, expect, it } from "vitest";
import { isCrossSiteWrite } from "@/lib/net/same-origin";

const req = (method: string, headers: Record<string, string>) => new Request("http://crm.example/api/import", { method, headers });

describe("cross-site writes", () => {
  it("refuses a POST whose Origin names another host", () => {
    expect(isCrossSiteWrite(req("POST", { host: "crm.example", origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSiteWrite(req("POST", { host: "crm.example", origin: "null" }))).toBe(true);
    expect(isCrossSiteWrite(req("POST", { host: "crm.example", "sec-fetch-site": "cross-site" }))).toBe(true);
  });
  it("lets the app's own pages and non-browser clients through, and never blocks reads", () => {
    expect(isCrossSiteWrite(req("POST", { host: "crm.example", origin: "http://crm.example" }))).toBe(false);
    expect(isCrossSiteWrite(req("POST", { host: "crm.example" }))).toBe(false);
    expect(isCrossSiteWrite(req("GET", { host: "crm.example", origin: "https://evil.example" }))).toBe(false);
  });
});
