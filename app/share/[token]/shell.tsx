// The frame of every share page: the team's (or a neutral) title over one column, nothing else.
export function Shell({ children, title }: { children: React.ReactNode; title: string }) {
  return (
    <div className="min-h-screen bg-stone-50">
      <header className="border-b border-stone-200 bg-white px-4 py-3">
        <p className="text-sm font-bold text-brand-700">{title}</p>
      </header>
      <main className="mx-auto w-full max-w-5xl px-4 py-6">{children}</main>
    </div>
  );
}
