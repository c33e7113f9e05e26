// The floor as the team measures it: plain links, nothing of ours.
/* eslint-disable @next/next/no-html-link-for-pages */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="ja">
      <body>
        <nav>
          <a href="/">ホーム</a> <a href="/list">一覧</a>
        </nav>
        <main>{children}</main>
      </body>
    </html>
  );
}
