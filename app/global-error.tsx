"use client";
// Last resort when the root layout itself fails: both languages, from a copy of two catalog texts.
import { GLOBAL_ERROR_TEXT } from "./global-error-text";

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  const { ja, en } = GLOBAL_ERROR_TEXT;
  return (
    <html lang="ja">
      <body style={{ fontFamily: "sans-serif", padding: 32 }}>
        <h1>
          {ja.title} / {en.title}
        </h1>
        <button type="button" onClick={reset}>
          {ja.retry} / {en.retry}
        </button>
      </body>
    </html>
  );
}
