// A short, readable name for a browser from its User-Agent ("Chrome / Windows"), for the sessions list.
const OS: [RegExp, string][] = [
  [/iPhone/, "iPhone"],
  [/iPad/, "iPad"],
  [/Android/, "Android"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "Mac"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];
const BROWSER: [RegExp, string][] = [
  [/Edg\//, "Edge"],
  [/Firefox\//, "Firefox"],
  [/HeadlessChrome|Chrome\/|CriOS\//, "Chrome"],
  [/Safari\//, "Safari"],
];

export function deviceName(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const os = OS.find(([re]) => re.test(userAgent))?.[1];
  const browser = BROWSER.find(([re]) => re.test(userAgent))?.[1];
  if (!os && !browser) return null;
  return [browser, os].filter(Boolean).join(" / ");
}
