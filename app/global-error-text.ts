// The two texts of the last-resort error page, in both languages. That page renders when the root
// layout failed, so it cannot ask next-intl; importing the catalogs here would put both whole
// catalogs into every page's JavaScript. tests/unit/messages.test.ts keeps these equal to the
// catalogs' errors.title and common.retry.
export const GLOBAL_ERROR_TEXT = {
  ja: { title: "問題が発生しました", retry: "もう一度試す" },
  en: { title: "Something went wrong", retry: "Try again" },
} as const;
