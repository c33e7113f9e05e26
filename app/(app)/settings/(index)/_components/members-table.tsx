"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { withQueryClient } from "@/components/providers";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert, Badge, EmptyState } from "@/components/ui/card";
import type { ActionResult } from "@/lib/auth/wrappers";
import type { Role } from "@/lib/generated/prisma/enums";
import { deactivateMember, reactivateMember, updateMentor, updateRole } from "../../actions";
import { coaches } from "@/lib/auth/permissions";
import { Select } from "@/components/ui/control";

type Member = {
  id: string;
  role: Role;
  status: "ACTIVE" | "DEACTIVATED";
  version: number;
  createdAt: string;
  mentorId: string | null;
  user: { id: string; name: string; email: string };
};

const ROLES: Role[] = ["ADMIN", "MENTOR", "NURSE"];

async function fetchMembers(): Promise<Member[]> {
  const res = await fetch("/api/members");
  if (!res.ok) throw new Error(String(res.status));
  return (await res.json()).members;
}

function MembersTableView({ canManage, currentUserId }: { canManage: boolean; currentUserId: string }) {
  const t = useTranslations();
  const f = useFormatter();
  const queryClient = useQueryClient();
  const { data, isPending, isError, refetch } = useQuery({ queryKey: ["members"], queryFn: fetchMembers });
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "green" | "red"; text: string } | null>(null);

  function run(action: () => Promise<ActionResult<unknown>>, okText: string) {
    start(async () => {
      const res = await action();
      setMessage(res.ok ? { tone: "green", text: okText } : { tone: "red", text: t(`errors.${res.error}`) });
      await queryClient.invalidateQueries({ queryKey: ["members"] });
    });
  }

  if (isPending)
    return (
      <p role="status" className="text-sm text-stone-500">
        {t("common.loading")}
      </p>
    );
  if (isError)
    return (
      <div className="space-y-2">
        <Alert>{t("errors.description")}</Alert>
        <Button variant="secondary" onClick={() => refetch()}>
          {t("common.retry")}
        </Button>
      </div>
    );
  if (data.length === 0) return <EmptyState>{t("members.empty")}</EmptyState>;
  const mentors = data.filter((m) => m.status === "ACTIVE" && coaches(m.role));

  return (
    <div className="space-y-3">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <ul className="divide-y divide-stone-100" aria-label={t("settings.members")}>
        {data.map((m) => {
          const active = m.status === "ACTIVE";
          return (
            <li
              key={m.id}
              data-testid="member-row"
              className={`grid gap-2 py-3 text-sm md:grid-cols-[2fr_1fr_1.3fr_auto_auto] md:items-center md:gap-4 ${active ? "" : "text-stone-500"}`}
            >
              <div className="min-w-0">
                <Link href={`/settings/members/${m.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {m.user.name}
                </Link>
                {m.user.id === currentUserId && <span className="ml-1 text-xs">{t("members.you")}</span>}
                <span className="block truncate text-xs text-stone-500">{m.user.email}</span>
                <span className="block text-xs text-stone-500">
                  {t("members.joined")}: {f.dateTime(new Date(m.createdAt), "short")}
                </span>
              </div>
              <div className="flex items-center gap-2">
                <span className="text-xs text-stone-500 md:hidden">{t("members.role")}</span>
                {canManage && active ? (
                  <Select
                    aria-label={`${t("members.changeRole")}: ${m.user.name}`}
                    size="xs"
                    value={m.role}
                    disabled={pending}
                    onChange={(e) =>
                      run(
                        () => updateRole({ membershipId: m.id, role: e.target.value as Role, version: m.version }),
                        t("members.roleChanged"),
                      )
                    }
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`roles.${r}`)}
                      </option>
                    ))}
                  </Select>
                ) : (
                  t(`roles.${m.role}`)
                )}
              </div>
              <div className="flex items-center gap-2">
                <span className="text-xs text-stone-500 md:hidden">{t("members.mentor")}</span>
                {canManage && active ? (
                  <Select
                    aria-label={`${t("members.mentor")}: ${m.user.name}`}
                    size="xs"
                    className="max-w-full min-w-0"
                    value={m.mentorId ?? ""}
                    disabled={pending}
                    onChange={(e) =>
                      run(() => updateMentor({ menteeId: m.user.id, mentorId: e.target.value || null }), t("members.mentorChanged"))
                    }
                  >
                    <option value="">{t("members.noMentor")}</option>
                    {mentors
                      .filter((x) => x.user.id !== m.user.id)
                      .map((x) => (
                        <option key={x.user.id} value={x.user.id}>
                          {x.user.name}
                        </option>
                      ))}
                  </Select>
                ) : (
                  (data.find((x) => x.user.id === m.mentorId)?.user.name ?? t("members.noMentor"))
                )}
              </div>
              <div>
                <Badge tone={active ? "green" : "stone"}>{active ? t("members.active") : t("members.deactivated")}</Badge>
              </div>
              <div>
                {canManage &&
                  (active ? (
                    <Button
                      variant="danger"
                      size="xs"
                      disabled={pending}
                      onClick={() => {
                        if (window.confirm(t("members.confirmDeactivate", { name: m.user.name }))) {
                          run(() => deactivateMember({ membershipId: m.id }), t("members.statusChanged"));
                        }
                      }}
                    >
                      {t("members.deactivate")}
                    </Button>
                  ) : (
                    <Button
                      variant="secondary"
                      size="xs"
                      disabled={pending}
                      onClick={() => run(() => reactivateMember({ membershipId: m.id }), t("members.statusChanged"))}
                    >
                      {t("members.reactivate")}
                    </Button>
                  ))}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export const MembersTable = withQueryClient(MembersTableView);
