import { describe, expect, it } from "vitest";
import { deviceName } from "@/lib/accounts/device";

describe("device names on the sessions page", () => {
  it("tell a phone, a laptop and another browser apart, with their versions", () => {
    const names = [
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
    ].map(deviceName);
    expect(names).toEqual([
      "Chrome 131 / Android 14",
      "Chrome 130 / Linux",
      "Safari 17 / iPhone 17.1",
      "Edge 131 / Windows 10/11",
      "Safari 17 / Mac 10.15",
      "Firefox 133 / Windows 10/11",
    ]);
    expect(new Set(names).size).toBe(names.length);
    expect(deviceName(null)).toBeNull();
    expect(deviceName("curl/8.0")).toBeNull();
  });
});
