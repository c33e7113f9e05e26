"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { LocaleSelect } from "@/components/ui/locale-select";
import { signOutAndLeave } from "@/lib/accounts/sign-out";
import { changeLocale, switchTeam } from "../actions";

export function SessionControls({
  user,
  teams,
  currentTeamId,
}: {
  user: { name: string; email: string; locale: "ja" | "en" };
  teams: { id: string; name: string; role: Role }[];
  currentTeamId: string;
}) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();

  return (
    <div className="space-y-3 border-t border-stone-200 pt-4 text-sm">
      <p className="text-stone-600">{t("nav.signedInAs", { name: user.name })}</p>
      {teams.length > 1 && (
        <label className="block">
          <span className="text-xs font-medium text-stone-600">{t("nav.switchTeam")}</span>
          <select
            className="control control-sm mt-1 block w-full"
            value={currentTeamId}
            disabled={pending}
            onChange={(e) => {
              const teamId = e.target.value;
              start(async () => {
                const res = await switchTeam({ teamId });
                if (res.ok) {
                  router.push("/");
                  router.refresh();
                }
              });
            }}
          >
            {teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}（{t(`roles.${team.role}`)}）
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="block">
        <span className="text-xs font-medium text-stone-600">{t("nav.language")}</span>
        <LocaleSelect
          size="sm"
          className="mt-1 block w-full"
          value={user.locale}
          disabled={pending}
          onChange={(locale) =>
            start(async () => {
              await changeLocale({ locale });
              router.refresh();
            })
          }
        />
      </label>
      <Link href="/account" className="block w-full rounded-md border border-stone-300 px-3 py-2 hover:bg-stone-100">
        {t("account.nav")}
      </Link>
      <button
        type="button"
        className="w-full rounded-md border border-stone-300 px-3 py-2 text-left hover:bg-stone-100"
        onClick={() => void signOutAndLeave(router)}
      >
        {t("nav.signOut")}
      </button>
      <p className="text-xs text-stone-500">{t("nav.signOutHint")}</p>
    </div>
  );
}
