import { expect } from "@playwright/test";
import iconv from "iconv-lite";
import { checkA11y, shot, signInAs, test } from "./fixtures";

// 300 people as HR exports them from Excel: Shift_JIS, paths in 部署, everyday words in 種別.
function orgChart(): Buffer {
  const sites = ["第三工場", "西日本物流センター", "研究開発本部"];
  const depts = ["製造一課", "製造二課", "品質保証課", "総務課", "設備保全課"];
  const kinds = ["上司", "課長", "管理職", "人事", "安全衛生", "総務", "産業医"];
  const family = ["髙橋", "山﨑", "渡邊", "齋藤", "佐藤", "鈴木", "田中", "伊藤", "中村", "小林"];
  const given = ["一郎", "花子", "健", "美咲", "大輔", "さくら", "翔太", "恵子", "直樹", "由美"];
  const lines = ["部署,氏名,ふりがな,役職,種別,メール"];
  for (let i = 0; i < 300; i++) {
    const path = `${sites[i % 3]}${i % 2 ? "／" : "/"}${depts[Math.floor(i / 3) % 5]}`;
    const name = `${family[i % 10]} ${given[Math.floor(i / 10) % 10]}${i >= 100 ? i : ""}`;
    lines.push(`${path},${name},,${i % 5 === 0 ? "課長" : "主任"},${kinds[i % 7]},user${i}@example.jp`);
  }
  return iconv.encode(lines.join("\r\n"), "Shift_JIS");
}

test("an HR org chart in Shift_JIS goes in in one go, and a department's visit briefing prints", async ({ page }) => {
  await signInAs(page, { role: "ADMIN" });
  let clicks = 0;
  const started = Date.now();
  await page.goto("/import");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("CSVファイル").setInputFiles({ name: "組織図.csv", mimeType: "text/csv", buffer: orgChart() });
  clicks++;
  await page.getByRole("button", { name: "内容を確認" }).click();
  clicks++;
  await expect(page.getByTestId("import-mapping")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "メール" })).toHaveValue("");
  await expect(page.getByRole("combobox", { name: "部署" })).toHaveValue("department");
  await expect(page.getByTestId("new-departments")).toContainText("第三工場 / 製造一課");
  await expect(page.getByText("新規 300件")).toBeVisible();
  await checkA11y(page);
  await shot(page, "import-preview-desktop");
  await page.getByRole("button", { name: "取り込む" }).click();
  clicks++;
  await expect(page.getByText("取り込みました（新規 300件・更新 0件）")).toBeVisible();
  await page.getByRole("link", { name: "部署と訪問ブリーフィングへ" }).click();
  clicks++;
  const row = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("link", { name: "製造一課", exact: true }) })
    .first();
  await row.getByRole("link", { name: "訪問前ブリーフィング" }).click();
  clicks++;
  await expect(page.getByRole("heading", { level: 1 })).toContainText("製造一課");
  await page.evaluate("window.__printed = 0; window.print = () => { window.__printed++; }");
  await page.getByRole("button", { name: /印刷/ }).click();
  clicks++;
  expect(await page.evaluate("window.__printed")).toBe(1);
  const seconds = (Date.now() - started) / 1000;
  console.log(`HR import journey: ${clicks} clicks, ${seconds.toFixed(1)} s from the import page to the printed briefing (300 rows)`);
  expect(clicks).toBeLessThanOrEqual(15);
  await shot(page, "import-briefing-desktop");

  // Names are found however they are typed.
  await page.goto("/key-persons?q=%E9%AB%98%E6%A9%8B");
  await expect(page.getByRole("list", { name: "キーパーソン" })).toContainText("髙橋 一郎");
  await page.goto(`/key-persons?q=${encodeURIComponent("山崎")}`);
  await expect(page.getByRole("list", { name: "キーパーソン" })).toContainText("山﨑");
});

test("HR's 本社/人事部 beside the existing 本社（東京・品川）/人事部: pointed out, mapped onto it, no second 人事部", async ({ page }) => {
  await signInAs(page, { role: "ADMIN" });
  await page.goto("/import");
  await page.waitForLoadState("networkidle");
  const file = ["部署,氏名,役職", "本社/人事部,岡田 修,課長", "本社/人事部/労務課,西村 健,主任"].join("\r\n");
  await page.getByLabel("CSVファイル").setInputFiles({ name: "人事.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await page.getByRole("button", { name: "内容を確認" }).click();
  const near = page.getByTestId("near-departments");
  await expect(near).toContainText("既存の部署とよく似た名前の部署が2件あります");
  await near.getByRole("combobox", { name: "ファイルの「本社」" }).selectOption({ label: "既存の「本社（東京・品川）」に合わせる" });
  await expect(page.getByRole("button", { name: "取り込む" })).toBeDisabled();
  await checkA11y(page);
  await shot(page, "import-near-departments-desktop");
  await page.getByRole("button", { name: "この対応で確認し直す" }).click();
  await expect(near).toHaveCount(0);
  // Only 労務課 is new: 本社 and 人事部 are the existing ones.
  await expect(page.getByTestId("new-departments").getByRole("listitem")).toHaveText(["本社 / 人事部 / 労務課"]);
  await page.getByRole("button", { name: "取り込む" }).click();
  await expect(page.getByText("取り込みました（新規 2件・更新 0件）")).toBeVisible();
  await page.goto("/key-persons?q=岡田");
  await expect(page.getByRole("list", { name: "キーパーソン" })).toContainText("人事部");
});
