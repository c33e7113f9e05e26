// A short, readable name for a browser from its User-Agent ("Chrome 131 / Android 14"), for the
// sessions list: with versions, so two devices of one kind (a phone and a laptop, an old and a new
// browser) can be told apart.
const OS: [RegExp, string, RegExp?][] = [
  [/iPhone/, "iPhone", /OS (\d+)[_.](\d+)/],
  [/iPad/, "iPad", /OS (\d+)[_.](\d+)/],
  [/Android/, "Android", /Android (\d+(?:\.\d+)?)/],
  [/Windows/, "Windows", /Windows NT (\d+\.\d+)/],
  [/Mac OS X|Macintosh/, "Mac", /Mac OS X (\d+)[_.](\d+)/],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];
const BROWSER: [RegExp, string, RegExp][] = [
  [/Edg\//, "Edge", /Edg\/(\d+)/],
  [/Firefox\/|FxiOS\//, "Firefox", /(?:Firefox|FxiOS)\/(\d+)/],
  [/SamsungBrowser\//, "Samsung Internet", /SamsungBrowser\/(\d+)/],
  [/HeadlessChrome|Chrome\/|CriOS\//, "Chrome", /(?:HeadlessChrome|Chrome|CriOS)\/(\d+)/],
  [/Safari\//, "Safari", /Version\/(\d+)/],
];
/** Windows NT versions as people know them (10.0 covers 10 and 11, which the User-Agent no longer tells apart). */
const WINDOWS: Record<string, string> = { "10.0": "10/11", "6.3": "8.1", "6.2": "8", "6.1": "7" };

export function deviceName(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const os = OS.find(([re]) => re.test(userAgent));
  const browser = BROWSER.find(([re]) => re.test(userAgent));
  if (!os && !browser) return null;
  const osVersion = os?.[2]?.exec(userAgent);
  const osName = os
    ? [
        os[1],
        osVersion
          ? os[1] === "Windows"
            ? (WINDOWS[osVersion[1]] ?? osVersion[1])
            : [osVersion[1], osVersion[2]].filter(Boolean).join(".")
          : null,
      ]
        .filter(Boolean)
        .join(" ")
    : null;
  const browserName = browser ? [browser[1], browser[2].exec(userAgent)?.[1]].filter(Boolean).join(" ") : null;
  return [browserName, osName].filter(Boolean).join(" / ");
}
