"use client";
// Last resort when the root layout itself fails: the catalogs are imported directly, both languages.
import en from "@/messages/en.json";
import ja from "@/messages/ja.json";

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="ja">
      <body style={{ fontFamily: "sans-serif", padding: 32 }}>
        <h1>
          {ja.errors.title} / {en.errors.title}
        </h1>
        <button type="button" onClick={reset}>
          {ja.common.retry} / {en.common.retry}
        </button>
      </body>
    </html>
  );
}
