// Public survey codes and single-use card codes, drawn from an alphabet without look-alikes.
import { randomInt } from "node:crypto";
import { hashToken } from "@/lib/crypto/tokens";
import { CARD_CODE_LENGTH, CODE_ALPHABET, CODE_LENGTH, normalizeCode } from "./constants";

export function randomCode(length = CODE_LENGTH): string {
  let out = "";
  for (let i = 0; i < length; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}

/** A card code as printed: two groups of four ("7KQX-M4CT"). */
export const printedCardCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

export const newCardCode = () => randomCode(CARD_CODE_LENGTH);

/** What is stored of a card code: its hash, bound to the survey so a code works on its own survey only. */
export const cardCodeHash = (surveyId: string, code: string) => hashToken(`${surveyId}:${normalizeCode(code)}`);
