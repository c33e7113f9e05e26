// next-intl without locale routing: the signed-in user's saved language, else a cookie, else Japanese.
import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getTeamContext } from "@/lib/auth/context";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, TIME_ZONE, type AppLocale } from "./config";

export async function resolveLocale(): Promise<AppLocale> {
  const ctx = await getTeamContext().catch(() => null);
  if (ctx) return ctx.user.locale;
  const cookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(cookie) ? cookie : DEFAULT_LOCALE;
}

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: (await import(`../../messages/${locale}.json`)).default,
    formats: {
      dateTime: {
        short: { year: "numeric", month: "short", day: "numeric" },
        long: { year: "numeric", month: "long", day: "numeric", weekday: "short" },
        dateTime: { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" },
      },
    },
  };
});
