import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePagePermission, requireUser } from "@/lib/auth/context";
import { orPageError } from "@/lib/auth/page-errors";
import { layoutMap } from "@/lib/map/layout";
import { strengthBand } from "@/lib/map/strength";
import { reviewDetail } from "@/lib/reviews/queries";
import { CommitmentsPanel } from "./_components/commitments-panel";
import { CloseButton } from "./_components/close-button";
import { ReviewWorkspace } from "./_components/review-workspace";
import { SelfReflection } from "./_components/self-reflection";
import { SincePanel } from "./_components/since-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reviews"))("title") };
}

export default async function ReviewPage({ params }: PageProps<"/reviews/[id]">) {
  const ctx = await requireUser();
  requirePagePermission(ctx, "reviews.readOwn");
  const { id } = await params;
  const d = await orPageError(reviewDetail(ctx, id));
  const t = await getTranslations("reviews");
  const f = await getFormatter();
  const snap = d.snapshot;
  const layout = snap ? layoutMap(snap.people, snap.departments) : null;
  const people = (snap?.people ?? []).map((p) => ({ ...p, band: strengthBand(p.strength) }));
  const open = d.review.status === "OPEN";
  return (
    <div className="space-y-4">
      <Link href="/reviews" className="text-sm text-brand-700 underline">
        ← {t("back")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h1 className="text-2xl font-bold">{d.review.title}</h1>
          <p className="text-sm text-stone-600">
            {t("mentee")}: {d.review.mentee.name} · {t("mentor")}: {d.review.mentor.name} · {t("createdAt")}:{" "}
            {f.dateTime(d.review.createdAt, "short")} ·{" "}
            <span className={`rounded px-2 py-0.5 text-xs ${open ? "bg-sky-100 text-sky-800" : "bg-stone-100 text-stone-700"}`}>
              {t(`status${d.review.status}`)}
            </span>
          </p>
        </div>
        {d.as === "mentor" && <CloseButton id={d.review.id} open={open} />}
      </div>
      <SincePanel since={d.since} />
      <CommitmentsPanel commitments={d.commitments} overdue={d.overdueCommitments} menteeName={d.review.mentee.name} />
      <SelfReflection
        reviewId={d.review.id}
        editable={d.as === "mentee" && open}
        wentWell={d.review.selfWentWell}
        stuck={d.review.selfStuck}
        writtenAt={d.review.selfAt?.toISOString() ?? null}
        version={d.review.version}
      />
      <ReviewWorkspace
        reviewId={d.review.id}
        as={d.as}
        open={open}
        viewerId={ctx.userId}
        people={people}
        links={snap?.links ?? []}
        positions={layout ? Object.fromEntries(layout.positions) : {}}
        boxes={layout?.boxes ?? []}
        nursePosition={layout?.nurse ?? { x: 0, y: -140 }}
        hasSnapshot={Boolean(snap)}
        menteeName={d.review.mentee.name}
        threads={d.threads.map((c) => ({
          ...c,
          createdAt: c.createdAt.toISOString(),
          editedAt: c.editedAt?.toISOString() ?? null,
          replies: c.replies.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), editedAt: r.editedAt?.toISOString() ?? null })),
        }))}
        actions={d.actions.map((a) => ({
          id: a.id,
          title: a.title,
          dueOn: a.dueOn.toISOString().slice(0, 10),
          done: Boolean(a.doneAt),
          byTouchpoint: Boolean(a.doneTouchpointId),
          overdue: a.overdue,
          person: a.keyPerson,
        }))}
      />
    </div>
  );
}
