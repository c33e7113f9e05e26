// The search key: how a name is compared, whatever way it was typed. NFKC (full/half width, circled
// digits), katakana → hiragana, ASCII lower case, the everyday variant kanji of Japanese names
// (髙→高, 﨑/嵜→崎, 邊/邉→辺, 齋/齊→斎 …), and no spaces, long-vowel marks or middle dots.
// The database computes the same key (SQL function ally_search_key, generated columns); a test
// checks that both agree.

/** Variant → common form. Keep in step with the migration that defines ally_search_key. */
export const VARIANTS: Record<string, string> = {
  髙: "高",
  﨑: "崎",
  嵜: "崎",
  碕: "崎",
  邊: "辺",
  邉: "辺",
  齋: "斎",
  齊: "斎",
  濱: "浜",
  濵: "浜",
  澤: "沢",
  櫻: "桜",
  國: "国",
  廣: "広",
  惠: "恵",
  眞: "真",
  冨: "富",
  藏: "蔵",
  實: "実",
  壽: "寿",
  淺: "浅",
  曾: "曽",
  嶋: "島",
  嶌: "島",
  亞: "亜",
  德: "徳",
  瀨: "瀬",
  槇: "槙",
  舘: "館",
  條: "条",
  彌: "弥",
  龍: "竜",
  黑: "黒",
  圓: "円",
  遙: "遥",
  萬: "万",
  與: "与",
  來: "来",
  淵: "渕",
  渊: "渕",
};

/** Characters that never matter when comparing names. */
export const DROPPED = " ー－‐-・･";

const KATA_START = 0x30a1; // ァ
const KATA_END = 0x30f6; // ヶ
const KANA_SHIFT = 0x60; // ァ - ぁ

export function searchKey(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFKC")) {
    const code = ch.codePointAt(0)!;
    let c = code >= KATA_START && code <= KATA_END ? String.fromCodePoint(code - KANA_SHIFT) : ch;
    if (c >= "A" && c <= "Z") c = c.toLowerCase();
    c = VARIANTS[c] ?? c;
    if (!DROPPED.includes(c)) out += c;
  }
  return out;
}

/** The SQL translate() arguments that do the same after NFKC (generated for the migration). */
export function sqlTranslateTables() {
  const kata: string[] = [];
  const hira: string[] = [];
  for (let c = KATA_START; c <= KATA_END; c++) {
    kata.push(String.fromCodePoint(c));
    hira.push(String.fromCodePoint(c - KANA_SHIFT));
  }
  const upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return {
    from: kata.join("") + upper + Object.keys(VARIANTS).join("") + DROPPED,
    to: hira.join("") + upper.toLowerCase() + Object.values(VARIANTS).join(""),
  };
}
