// Where a line of Japanese text may break: between characters, except that closing punctuation
// and small kana never start a line and opening brackets never end one (kinsoku shori). Runs of
// Latin letters and digits ("55.6%", "EMP") stay whole.

const NO_START = new Set(
  Array.from("、。，．,.・：:；;？?！!ー―‐〜～」』）)】〕〉》］]｝}ゝゞヽヾぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ％%"),
);
const NO_END = new Set(Array.from("「『（(【〔〈《［[｛{"));
const WORDISH = /[A-Za-z0-9.,%+\-/:_'’＃#@&]/;

export function breakSegments(word: string): string[] {
  const chars = Array.from(word);
  const segments: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const prev = segments.at(-1);
    const joinsWord = prev !== undefined && WORDISH.test(c) && WORDISH.test(prev.at(-1)!) && !NO_START.has(c);
    if (prev !== undefined && (NO_START.has(c) || NO_END.has(Array.from(prev).at(-1)!) || joinsWord)) {
      segments[segments.length - 1] = prev + c;
    } else {
      segments.push(c);
    }
  }
  return segments;
}
