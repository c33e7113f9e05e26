"use client";
// Comments on the whole map or pinned to a person or a link, each with a reply thread. Only the
// author may edit her words; the mentee writes replies, the mentor starts threads.
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import type { CanvasLink, CanvasPerson } from "@/components/map/types";
import { Button } from "@/components/ui/button";
import { DisclosedHint } from "@/components/ui/disclosed-hint";
import { useActionForm } from "@/components/ui/use-action-form";
import { commentAction, editCommentAction } from "../../actions";
import { Input, Select, Textarea } from "@/components/ui/control";

type Comment = {
  id: string;
  body: string;
  createdAt: string;
  editedAt: string | null;
  keyPersonId: string | null;
  linkId: string | null;
  author: { id: string; name: string };
};
export type Thread = Comment & { replies: Comment[] };

function Pin() {
  return (
    <svg viewBox="0 0 24 24" className="h-3 w-3" fill="currentColor" aria-hidden>
      <path d="M12 2a6 6 0 0 0-6 6c0 4.5 6 14 6 14s6-9.5 6-14a6 6 0 0 0-6-6Zm0 8.5A2.5 2.5 0 1 1 12 5.5a2.5 2.5 0 0 1 0 5Z" />
    </svg>
  );
}

function Body({ c, viewerId }: { c: Comment; viewerId: string }) {
  const t = useTranslations("reviews");
  const f = useFormatter();
  const router = useRouter();
  const form = useActionForm();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(c.body);
  return (
    <div>
      <p className="text-xs text-stone-500">
        <span className="font-medium text-stone-800">{c.author.name}</span> · {f.dateTime(new Date(c.createdAt), "short")}{" "}
        {c.editedAt && t("edited")}
      </p>
      {editing ? (
        <form
          className="mt-1 space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            form.run(() => editCommentAction({ id: c.id, body: text }), {
              then: () => {
                setEditing(false);
                router.refresh();
              },
            });
          }}
        >
          <label className="sr-only" htmlFor={`edit-${c.id}`}>
            {t("edit")}
          </label>
          <Textarea
            id={`edit-${c.id}`}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={2}
            maxLength={2000}
            size="sm"
            className="w-full p-2"
            aria-describedby={`edit-${c.id}-disclosed`}
          />
          <DisclosedHint id={`edit-${c.id}-disclosed`} />
          <div className="flex gap-2">
            <Button type="submit" disabled={form.pending} size="compact">
              {t("save")}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setEditing(false)} size="compact">
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <p className="mt-0.5 text-sm whitespace-pre-wrap">{c.body}</p>
      )}
      {!editing && c.author.id === viewerId && (
        <button type="button" onClick={() => setEditing(true)} className="text-xs text-stone-600 underline">
          {t("edit")}
        </button>
      )}
    </div>
  );
}

function Reply({ reviewId, parentId }: { reviewId: string; parentId: string }) {
  const t = useTranslations("reviews");
  const router = useRouter();
  const form = useActionForm();
  const [text, setText] = useState("");
  return (
    <form
      className="mt-2 flex gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        form.run(() => commentAction({ reviewId, body: text, parentId }), {
          then: () => {
            setText("");
            router.refresh();
          },
        });
      }}
    >
      <label className="sr-only" htmlFor={`reply-${parentId}`}>
        {t("reply")}
      </label>
      <Input
        id={`reply-${parentId}`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t("replyPlaceholder")}
        maxLength={2000}
        size="xs"
        className="min-w-0 flex-1"
      />
      <Button type="submit" variant="secondary" disabled={form.pending || !text.trim()} size="compact">
        {t("reply")}
      </Button>
    </form>
  );
}

export function Comments({
  reviewId,
  as,
  viewerId,
  threads,
  people,
  links,
  pin,
  setPin,
  onFocus,
}: {
  reviewId: string;
  as: "mentor" | "mentee";
  viewerId: string;
  threads: Thread[];
  people: CanvasPerson[];
  links: CanvasLink[];
  pin: string;
  setPin: (v: string) => void;
  onFocus: (id: string) => void;
}) {
  const t = useTranslations("reviews");
  const tv = useTranslations("validation");
  const tl = useTranslations("linkTypes");
  const router = useRouter();
  const form = useActionForm();
  const [body, setBody] = useState("");
  const names = new Map(people.map((p) => [p.id, p.name]));
  const linkLabel = (l: CanvasLink) =>
    t("pinLink", { from: names.get(l.fromId) ?? "…", to: names.get(l.toId) ?? "…" }) + `（${tl(l.type)}）`;
  const linkById = new Map(links.map((l) => [l.id, l]));
  // pin is "" (whole map), a person id, or "link:<id>".
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const linkId = pin.startsWith("link:") ? pin.slice(5) : "";
    const keyPersonId = pin && !linkId ? pin : "";
    form.run(() => commentAction({ reviewId, body, keyPersonId, linkId }), {
      text: t("posted"),
      then: () => {
        setBody("");
        router.refresh();
      },
    });
  };
  return (
    <section className="space-y-3" aria-labelledby="comments-title">
      <h2 id="comments-title" className="text-base font-semibold">
        {t("comments")}
      </h2>
      {as === "mentor" && (
        <form onSubmit={submit} className="space-y-2 rounded-lg border border-stone-200 bg-white p-3">
          <label className="block text-xs font-medium text-stone-600">
            {t("pinTo")}
            <Select value={pin} onChange={(e) => setPin(e.target.value)} size="sm" className="mt-0.5 w-full" data-testid="pin-select">
              <option value="">{t("pinNone")}</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {t("pinPerson", { name: p.name })}
                </option>
              ))}
              {links.map((l) => (
                <option key={l.id} value={`link:${l.id}`}>
                  {linkLabel(l)}
                </option>
              ))}
            </Select>
          </label>
          <label className="block text-xs font-medium text-stone-600">
            {t("comment")}
            <Textarea
              value={body}
              onChange={(e) => setBody(e.target.value)}
              rows={3}
              maxLength={2000}
              size="sm"
              className="mt-0.5 w-full p-2"
              aria-describedby="comment-disclosed"
              aria-invalid={Boolean(form.errors.body)}
            />
          </label>
          <DisclosedHint id="comment-disclosed" />
          {form.errors.body && <p className="text-xs text-red-700">{tv(form.errors.body[0])}</p>}
          <div className="flex items-center gap-2">
            <Button type="submit" disabled={form.pending}>
              {t("post")}
            </Button>
            {form.message && (
              <p role="status" className={`text-xs ${form.message.tone === "red" ? "text-red-700" : "text-green-700"}`}>
                {form.message.text}
              </p>
            )}
          </div>
        </form>
      )}
      {threads.length === 0 ? (
        <p className="rounded-md bg-stone-50 p-3 text-sm text-stone-500">{t("commentsEmpty")}</p>
      ) : (
        <ul className="space-y-3">
          {threads.map((c) => (
            <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-3" data-testid="thread">
              {c.keyPersonId && (
                <button
                  type="button"
                  onClick={() => onFocus(c.keyPersonId!)}
                  className="mb-1 inline-flex items-center gap-1 rounded bg-violet-100 px-2 py-0.5 text-xs font-medium text-violet-900"
                >
                  <Pin />
                  {t("pinPerson", { name: names.get(c.keyPersonId) ?? "…" })}
                </button>
              )}
              {c.linkId && linkById.get(c.linkId) && (
                <span className="mb-1 inline-flex items-center gap-1 rounded bg-violet-100 px-2 py-0.5 text-xs font-medium text-violet-900">
                  <Pin />
                  {linkLabel(linkById.get(c.linkId)!)}
                </span>
              )}
              <Body c={c} viewerId={viewerId} />
              {c.replies.length > 0 && (
                <ul className="mt-2 space-y-2 border-l-2 border-stone-200 pl-3">
                  {c.replies.map((r) => (
                    <li key={r.id}>
                      <Body c={r} viewerId={viewerId} />
                    </li>
                  ))}
                </ul>
              )}
              <Reply reviewId={reviewId} parentId={c.id} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
