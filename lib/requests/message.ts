// Turns a request into a short, polite message to paste into mail or chat. Every fragment comes
// from the catalogs ("requests.message"), so the product's own words are in one place.
export type Translate = (key: string, values?: Record<string, string | number>) => string;

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
    t("greetingShort", { name: m.personName }),
    t("ask", { reason: m.reason ? t("reason", { reason: trimEnd(m.reason) }) : "", what: trimEnd(m.what), terms: terms(t, m) }),
    m.nurseSupport ? t("support", { support: trimEnd(m.nurseSupport) }) : "",
    t("closingShort"),
  ].join("");
}

export function emailMessage(t: Translate, m: MessageInput): string {
  const bullets = [
    t("bulletWhat", { what: trimEnd(m.what) }),
    m.doer ? t("bulletDoer", { doer: m.doer }) : null,
    m.due ? t("bulletDue", { date: m.due }) : null,
    m.effortMinutes ? t("bulletEffort", { effort: t("effort", { minutes: m.effortMinutes }) + (m.frequency !== "ONCE" ? `（${t(`frequency.${m.frequency}`)}）` : "") }) : null,
    m.benefit ? t("bulletBenefit", { name: m.personName, benefit: trimEnd(m.benefit) }) : null,
    m.nurseSupport ? t("bulletSupport", { support: trimEnd(m.nurseSupport) }) : null,
  ].filter(Boolean);
  return [
    t("salutation", { name: m.personName }),
    "",
    t("opening", { nurse: m.nurseName }),
    t("ask", { reason: m.reason ? t("reason", { reason: trimEnd(m.reason) }) : "", what: trimEnd(m.what), terms: "" }),
    "",
    ...bullets,
    "",
    t("closing"),
  ].join("\n");
}

/** After a decline: the smaller ask (contrast), thanking them for considering the first. */
export function fallbackMessage(t: Translate, m: MessageInput): string {
  return [
    t("salutation", { name: m.personName }),
    "",
    t("fallbackOpening"),
    t("fallbackAsk", { what: trimEnd(m.fallbackWhat), terms: m.fallbackMinutes ? t("terms", { terms: t("effort", { minutes: m.fallbackMinutes }) }) : "" }),
    m.nurseSupport ? t("support", { support: trimEnd(m.nurseSupport) }) : "",
    "",
    t("closing"),
  ].join("\n");
}
