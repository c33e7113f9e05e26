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

  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "URL を発行し直す（今の URL は使えなくなります）" }).click();
  await expect(page.getByTestId("calendar-url")).not.toHaveValue(url);
  expect((await app.get(url)).status()).toBe(404);
  await app.dispose();
});
