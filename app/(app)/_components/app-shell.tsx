"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState, type ReactNode } from "react";
import { ToastProvider } from "@/components/ui/toast";
import type { Role } from "@/lib/generated/prisma/enums";
import { SessionControls } from "./session-controls";
import { buttonVariants } from "@/components/ui/button";
import shellIcons from "./shell-icons.svg";

export type NavItem = {
  href: string;
  label: string;
  icon: "home" | "settings" | "users" | "chat" | "building" | "send" | "flag" | "folder" | "chart" | "report" | "map" | "review";
};

/** One of the shell's icons, from a sprite the browser caches (./shell-icons.svg): their path data would otherwise be in every signed-in page's JavaScript. */
function Icon({
  name,
  className = "h-5 w-5",
  strokeWidth = 1.6,
}: {
  name: NavItem["icon"] | "bell" | "menu" | "close";
  className?: string;
  strokeWidth?: number;
}) {
  return (
    <svg viewBox="0 0 24 24" className={className} fill="none" stroke="currentColor" strokeWidth={strokeWidth} aria-hidden>
      <use href={`${shellIcons.src}#${name}`} />
    </svg>
  );
}

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
              <Icon name={item.icon} className="h-5 w-5 shrink-0" />
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
      <Icon name="bell" strokeWidth={1.8} />
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
          <Icon name={open ? "close" : "menu"} className="h-6 w-6" strokeWidth={2} />
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
