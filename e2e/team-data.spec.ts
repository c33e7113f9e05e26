import { readFileSync } from "node:fs";
import { unzipSync } from "fflate";
import { marked } from "marked";
import { expect } from "@playwright/test";
import { checkA11y, PHONE, shot, signInAs, signOut, test } from "./fixtures";

test("an admin exports the team's data whole; a nurse cannot", async ({ page }) => {
  await signInAs(page);
  expect((await page.request.get("/api/team/export")).status()).toBe(403);
  expect((await page.goto("/settings/export"))?.status()).toBe(403);
  await page.goto("/");
  await signOut(page);

  const admin = await signInAs(page, { role: "ADMIN", name: "書出 しおり" });
  await page.goto("/settings");
  await page.getByRole("link", { name: "データの書き出し" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "チームのデータの書き出し" })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("暗号化されずに入ります");
  await checkA11y(page);
  await shot(page, "team-export-desktop");
  await page.setViewportSize(PHONE);
  await shot(page, "team-export-phone");
  await page.setViewportSize({ width: 1280, height: 900 });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "ZIPをダウンロード" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^team-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(readFileSync((await download.path())!));
  const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
  expect(manifest.team.name).toBeTruthy();
  const cases = manifest.tables.find((t: { name: string }) => t.name === "Case");
  expect(cases.rows).toBeGreaterThan(0);
  const first = JSON.parse(new TextDecoder().decode(files[cases.json]))[0];
  expect(first.employeeCode).not.toMatch(/^v1\./);
  expect(Object.keys(files).filter((f) => f.startsWith("csv/")).length).toBe(manifest.tables.length);

  await page.reload();
  await expect(page.getByTestId("recent-exports")).toContainText(admin.name);
});

test("an admin reads the handling rules draft written from the team's settings, as PDF and Markdown", async ({ page }) => {
  await signInAs(page, { role: "ADMIN" });
  await page.goto("/settings");
  await page.getByRole("link", { name: "取扱規程の案" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "健康情報等の取扱規程（案）" })).toBeVisible();
  const preview = page.getByTestId("rules-preview");
  await expect(preview).toContainText("第8条（保存期間）");
  await expect(preview).toContainText("終了等の日から5年");
  await expect(preview).toContainText("佐藤 由美");
  await checkA11y(page);
  await shot(page, "handling-rules-desktop");
  await page.setViewportSize(PHONE);
  await shot(page, "handling-rules-phone");
  await page.setViewportSize({ width: 1280, height: 900 });
  const pdf = await page.request.get("/api/team/handling-rules?format=pdf");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  const md = await page.request.get("/api/team/handling-rules?format=md");
  const markdown = await md.text();
  expect(markdown).toContain("## 第3条（取り扱う者とその権限）");
  // A Markdown renderer reads the first line as the title, not as a paragraph starting "#".
  expect(marked.lexer(markdown)[0]).toMatchObject({ type: "heading", depth: 1, text: "健康情報等の取扱規程（案）" });
  await signOut(page);
  await signInAs(page);
  expect((await page.request.get("/api/team/handling-rules?format=md")).status()).toBe(403);
});
