// Turns a request into a short, polite message to paste into mail or chat. Every fragment comes
// from the catalogs ("requests.message"), so the product's own words are in one place.
import type { Translate } from "@/lib/i18n/translator";

export type MessageInput = {
  personName: string;
  nurseName: string;
  what: string;
  doer: string;
  due: string | null;
  effortMinutes: number | null;
  frequency: string;
  benefit: string;
  reason: string;
  nurseSupport: string;
  fallbackWhat: string;
  fallbackMinutes: number | null;
};

const trimEnd = (s: string) => s.trim().replace(/[。．.]+$/, "");

/** Titles a 誰が like 森本課長 ends with: then it is how the person is addressed, with no さん. */
const TITLES =
  /(課長|部長|次長|係長|主任|室長|所長|センター長|工場長|本部長|支店長|社長|専務|常務|取締役|マネージャー|リーダー|班長|職長|GM)$/;

/** How the message addresses the person: 森本課長 when 誰が names him so, else 森本 ゆかりさん. */
export function addressOf(t: Translate, personName: string, doer: string): string {
  const family = personName.trim().split(/[\s\u3000]+/)[0] ?? "";
  const compact = doer.replace(/[\s\u3000]+/g, "");
  if (family && compact.startsWith(family) && TITLES.test(compact)) return compact;
  return t("honorific", { name: personName });
}

/**
 * A 何を already written as a request (…していただく, …してもらう, …ください) is asked directly
 * (…していただけないでしょうか) instead of wrapped in a second request (「…していただく」をお願い…).
 */
function askStem(what: string): string | null {
  const w = trimEnd(what);
  const m = /^(.*?)(いただく|いただきたい|もらう|もらいたい|ください|下さい)$/.exec(w);
  return m && m[1] ? m[1] : null;
}

function ask(t: Translate, m: MessageInput, withTerms: boolean) {
  const reason = m.reason ? t("reason", { reason: trimEnd(m.reason) }) : "";
  const what = trimEnd(m.what);
  const stem = askStem(what);
  const values = { reason, what, terms: withTerms ? terms(t, m) : "" };
  return stem ? t("askDirect", { ...values, stem }) : t("ask", values);
}

function terms(t: Translate, m: Pick<MessageInput, "due" | "effortMinutes" | "frequency">) {
  const parts = [
    m.due ? t("by", { date: m.due }) : null,
    m.effortMinutes ? t("effort", { minutes: m.effortMinutes }) : null,
    m.frequency !== "ONCE" ? t(`frequency.${m.frequency}`) : null,
  ].filter(Boolean);
  return parts.length ? t("terms", { terms: parts.join(t("separator")) }) : "";
}

export function lineMessage(t: Translate, m: MessageInput): string {
  return [
    t("greetingShort", { name: addressOf(t, m.personName, m.doer) }),
    ask(t, m, true),
    m.nurseSupport ? t("support", { support: trimEnd(m.nurseSupport) }) : "",
    t("closingShort"),
  ].join("");
}

export function emailMessage(t: Translate, m: MessageInput): string {
  const bullets = [
    t("bulletWhat", { what: trimEnd(m.what) }),
    m.doer ? t("bulletDoer", { doer: m.doer }) : null,
    m.due ? t("bulletDue", { date: m.due }) : null,
    m.effortMinutes
      ? t("bulletEffort", {
          effort: t("effort", { minutes: m.effortMinutes }) + (m.frequency !== "ONCE" ? `（${t(`frequency.${m.frequency}`)}）` : ""),
        })
      : null,
    m.benefit ? t("bulletBenefit", { name: addressOf(t, m.personName, m.doer), benefit: trimEnd(m.benefit) }) : null,
    m.nurseSupport ? t("bulletSupport", { support: trimEnd(m.nurseSupport) }) : null,
  ].filter(Boolean);
  return [
    t("salutation", { name: addressOf(t, m.personName, m.doer) }),
    "",
    t("opening", { nurse: m.nurseName }),
    ask(t, m, false),
    "",
    ...bullets,
    "",
    t("closing"),
  ].join("\n");
}

/**
 * After a decline: the smaller ask (contrast), thanking them for considering the first. The nurse's
 * part of the first ask is not repeated: it belonged to that ask.
 */
export function fallbackMessage(t: Translate, m: MessageInput): string {
  const what = trimEnd(m.fallbackWhat);
  const stem = askStem(what);
  const values = {
    what,
    stem: stem ?? "",
    terms: m.fallbackMinutes ? t("terms", { terms: t("effort", { minutes: m.fallbackMinutes }) }) : "",
  };
  return [
    t("salutation", { name: addressOf(t, m.personName, m.doer) }),
    "",
    t("fallbackOpening"),
    stem ? t("fallbackAskDirect", values) : t("fallbackAsk", values),
    "",
    t("closing"),
  ].join("\n");
}
