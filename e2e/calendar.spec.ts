import { expect, request } from "@playwright/test";
import { login, shot, test } from "./fixtures";

test("a nurse subscribes her calendar to a private feed and can replace its address", async ({ page }) => {
  await login(page, "junior@demo.example");
  await page.goto("/account");
  await page.getByRole("button", { name: "カレンダーの URL を発行" }).click();
  const url = await page.getByTestId("calendar-url").inputValue();
  expect(url).toMatch(/\/api\/calendar\/[\w-]+\.ics$/);
  await shot(page, "account-calendar");

  // A calendar app fetches it with no session at all.
  const app = await request.newContext();
  const feed = await app.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const ics = await feed.text();
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain("BEGIN:VEVENT");
  // Without names turned on, no person's name goes out.
  expect(ics).not.toMatch(/課長|部長/);
  // Every folded line fits 75 octets (RFC 5545), Japanese included.
  for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);

  // Names turned on apply to the address already subscribed: no new address.
  await page.getByRole("checkbox", { name: /相手の名前とアクションの内容も載せる/ }).check();
  await expect(page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: "今の URL のまま" })).toBeVisible();
  const named = await app.get(url);
  expect(named.status()).toBe(200);
  expect(await named.text()).not.toBe(ics);

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "URL を発行し直す（今の URL は使えなくなります）" }).click();
  await expect(page.getByTestId("calendar-url")).not.toHaveValue(url);
  expect((await app.get(url)).status()).toBe(404);
  await app.dispose();
});
