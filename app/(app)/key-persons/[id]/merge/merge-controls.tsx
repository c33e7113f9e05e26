"use client";
// Choosing the other record of the same person, confirming the merge, and undoing it.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { PersonPicker } from "@/components/person-picker";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/card";
import { mergePerson, undoPersonMerge } from "../../actions";

export function MergeWithPicker({ keptId }: { keptId: string }) {
  const t = useTranslations("keyPersons.merge");
  const router = useRouter();
  const [error, setError] = useState(false);
  return (
    <div className="space-y-2">
      {error && <Alert>{t("sameRecord")}</Alert>}
      <PersonPicker
        label={t("pickOther")}
        value={null}
        exclude={[keptId]}
        onChange={(p) => {
          if (!p) return;
          if (p.id === keptId) return setError(true);
          router.push(`/key-persons/${keptId}/merge?with=${p.id}`);
        }}
      />
    </div>
  );
}

export function MergeButton(props: { keptId: string; keptVersion: number; mergedId: string; mergedVersion: number; mergedName: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      {error && <Alert>{t(`errors.${error}`)}</Alert>}
      <Button
        variant="danger"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t("keyPersons.merge.confirm", { name: props.mergedName }))) return;
          start(async () => {
            const res = await mergePerson({
              keptId: props.keptId,
              keptVersion: props.keptVersion,
              mergedId: props.mergedId,
              mergedVersion: props.mergedVersion,
            });
            if (res.ok) router.push(`/key-persons/${props.keptId}`);
            else setError(res.error);
          });
        }}
      >
        {pending ? t("common.saving") : t("keyPersons.merge.submit")}
      </Button>
    </div>
  );
}

export function UndoMergeButton({ id, name }: { id: string; name: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button
        variant="ghost"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(t("keyPersons.merge.undoConfirm", { name }))) return;
          start(async () => {
            const res = await undoPersonMerge({ id });
            if (res.ok) router.refresh();
            else setError(res.error);
          });
        }}
      >
        {t("keyPersons.merge.undo")}
      </Button>
      {error && <Alert>{t(`errors.${error}`)}</Alert>}
    </>
  );
}
