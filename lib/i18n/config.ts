export const LOCALES = ["ja", "en"] as const;
export type AppLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: AppLocale = "ja";
export const LOCALE_COOKIE = "ally_locale";
export const TIME_ZONE = "Asia/Tokyo";

export const isLocale = (v: unknown): v is AppLocale => LOCALES.includes(v as AppLocale);
