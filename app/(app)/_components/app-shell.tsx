"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState, type ReactNode } from "react";
import { ToastProvider } from "@/components/ui/toast";
import type { Role } from "@/lib/generated/prisma/enums";
import { SessionControls } from "./session-controls";
import { buttonVariants } from "@/components/ui/button";

export type NavItem = {
  href: string;
  label: string;
  icon: "home" | "settings" | "users" | "chat" | "building" | "send" | "flag" | "folder" | "chart" | "report" | "map" | "review";
};

const ICONS: Record<NavItem["icon"], string> = {
  home: "M3 10.5 12 3l9 7.5V21a1 1 0 0 1-1 1h-5v-7H9v7H4a1 1 0 0 1-1-1z",
  users: "M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 10a7 7 0 0 1 14 0M17 11a3 3 0 1 0 0-6m2 16a6 6 0 0 0-3-5.2",
  chat: "M4 5h16v11H8l-4 4z M8 9h8M8 12h5",
  send: "M3 11 21 3l-8 18-2-8z M11 13 21 3",
  flag: "M5 21V4m0 0h11l-2 4 2 4H5",
  folder: "M3 6h6l2 2h10v11H3z",
  chart: "M4 20V10m6 10V4m6 16v-7m4 7H2",
  report: "M6 3h9l4 4v14H6z M14 3v5h5 M9 13h7M9 17h5",
  map: "M5 5a2 2 0 1 0 0 .1M19 5a2 2 0 1 0 0 .1M12 19a2 2 0 1 0 0 .1M6.5 6.5 11 17.5M17.5 6.5 13 17.5M7 5h10",
  review: "M4 4h16v12H9l-5 4z M8 8h8M8 11h5",
  building: "M4 21V5l8-3v19M12 21V9l8 3v9M2 21h20M7 8h2M7 12h2M7 16h2M15 14h2M15 17h2",
  settings:
    "M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6Zm7.4-3a7.4 7.4 0 0 0-.1-1.3l2-1.6-2-3.4-2.4 1a7.6 7.6 0 0 0-2.2-1.3L14.3 3h-4l-.4 2.4a7.6 7.6 0 0 0-2.2 1.3l-2.4-1-2 3.4 2 1.6a7.4 7.4 0 0 0 0 2.6l-2 1.6 2 3.4 2.4-1a7.6 7.6 0 0 0 2.2 1.3l.4 2.4h4l.4-2.4a7.6 7.6 0 0 0 2.2-1.3l2.4 1 2-3.4-2-1.6c.1-.4.1-.9.1-1.3Z",
};

function NavLinks({ nav, onNavigate }: { nav: NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-1">
      {nav.map((item) => {
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-brand-50 text-brand-700" : "text-stone-700 hover:bg-stone-100"}`}
            >
              <svg viewBox="0 0 24 24" className="h-5 w-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.6" aria-hidden>
                <path d={ICONS[item.icon]} />
              </svg>
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

function Bell({ unread, onNavigate, className = "" }: { unread: number; onNavigate?: () => void; className?: string }) {
  const t = useTranslations("nav");
  return (
    <Link
      href="/notifications"
      onClick={onNavigate}
      className={`relative rounded-md p-2 text-stone-700 hover:bg-stone-100 ${className}`}
      aria-label={unread > 0 ? t("notificationsUnread", { count: unread }) : t("notifications")}
    >
      <svg viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden>
        <path d="M6 16V11a6 6 0 1 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0" />
      </svg>
      {unread > 0 && (
        <span
          className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-red-600 px-1 text-[10px] font-bold text-white"
          data-testid="unread"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}

export function AppShell({
  nav,
  user,
  teams,
  currentTeamId,
  role,
  unread,
  enrolling = false,
  children,
}: {
  nav: NavItem[];
  user: { name: string; email: string; locale: "ja" | "en" };
  teams: { id: string; name: string; role: Role }[];
  currentTeamId: string;
  role: Role;
  unread: number;
  /** She must enrol a second factor first: no navigation, no bell, no shortcuts to pages that would send her back. */
  enrolling?: boolean;
  children: ReactNode;
}) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  const team = teams.find((x) => x.id === currentTeamId);

  // On a phone the header above the menu already carries the name and the bell: the menu does not repeat them.
  const sidebar = (phone: boolean) => (
    <div className="flex h-full flex-col gap-6 p-4">
      {phone ? (
        <p className="text-xs text-stone-500">
          {team?.name} · {t(`roles.${role}`)}
        </p>
      ) : (
        <div className="flex items-start justify-between gap-2">
          <div>
            <p className="text-lg font-bold text-brand-700">{t("app.name")}</p>
            <p className="text-xs text-stone-500">
              {team?.name} · {t(`roles.${role}`)}
            </p>
          </div>
          {!enrolling && <Bell unread={unread} onNavigate={() => setOpen(false)} />}
        </div>
      )}
      <nav aria-label={t("nav.mainNavigation")}>
        <NavLinks nav={nav} onNavigate={() => setOpen(false)} />
        {!enrolling && (
          <Link
            href="/touchpoints/new"
            onClick={() => setOpen(false)}
            className={buttonVariants({ size: "sm", className: "mt-4 w-full max-lg:hidden" })}
          >
            ＋{t("nav.logTouchpoint")}
          </Link>
        )}
      </nav>
      <div className="mt-auto">
        <SessionControls user={user} teams={teams} currentTeamId={currentTeamId} />
      </div>
    </div>
  );

  return (
    <div className="min-h-screen lg:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("app.skipToContent")}
      </a>
      <header className="no-print sticky top-0 z-30 flex items-center justify-between border-b border-stone-200 bg-white px-4 py-2 lg:hidden">
        <span className="font-bold text-brand-700">{t("app.name")}</span>
        {!enrolling && (
          <>
            <Bell unread={unread} className="ml-auto" />
            <Link href="/touchpoints/new" className={buttonVariants({ size: "compact", className: "mr-2" })}>
              ＋{t("nav.logTouchpoint")}
            </Link>
          </>
        )}
        <button
          type="button"
          className="rounded-md p-2 hover:bg-stone-100"
          aria-expanded={open}
          aria-controls="mobile-nav"
          onClick={() => setOpen((v) => !v)}
        >
          <span className="sr-only">{open ? t("nav.closeMenu") : t("nav.menu")}</span>
          <svg viewBox="0 0 24 24" className="h-6 w-6" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
            <path d={open ? "M6 6l12 12M18 6 6 18" : "M4 7h16M4 12h16M4 17h16"} />
          </svg>
        </button>
      </header>
      {open && (
        <div id="mobile-nav" className="fixed inset-0 z-20 overflow-y-auto bg-white pt-12 lg:hidden">
          {sidebar(true)}
        </div>
      )}
      {/* Not a complementary landmark: the sidebar holds the main navigation (labelled) and the session controls. */}
      <div className="no-print hidden w-64 shrink-0 overflow-y-auto border-r border-stone-200 bg-white lg:sticky lg:top-0 lg:block lg:h-screen">
        {sidebar(false)}
      </div>
      <main id="main" className="mx-auto w-full max-w-6xl min-w-0 flex-1 px-4 py-6 lg:px-8">
        <ToastProvider>{children}</ToastProvider>
      </main>
    </div>
  );
}
