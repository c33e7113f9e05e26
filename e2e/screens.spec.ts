import { expect } from "@playwright/test";
import { login, PHONE, shot, test } from "./fixtures";

// Every area opens at phone width without horizontal scrolling; screenshots for a look.
test.describe("phone width", () => {
  test.use({ viewport: PHONE });
  for (const [path, name, heading] of [
    ["/requests", "requests", "依頼"],
    ["/requests/new", "request-new", "依頼をつくる"],
    ["/initiatives", "initiatives", "施策（お試し企画）"],
    ["/initiatives?view=list", "initiatives-list", "施策（お試し企画）"],
    ["/cases", "cases", "対象者ケース"],
    ["/touchpoints", "touchpoints", "接点"],
    ["/settings", "settings", "設定"],
  ] as const) {
    test(`${path} fits a phone`, async ({ page }) => {
      await login(page, "lead@demo.example");
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await shot(page, `${name}-phone`);
    });
  }
});
