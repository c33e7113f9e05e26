"use client";
// The map's node components, defined once at module level and memoised (React Flow's guidance for
// large maps): simple cards, no shadows or animation.
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { useTranslations } from "next-intl";
import { memo } from "react";
import { nodeWidth, NODE_H } from "@/lib/map/layout";
import { STANCE_STYLE, STATUS_STYLE } from "./styles";
import type { CanvasPerson } from "./types";

export type PersonNodeData = { p: CanvasPerson; pins: number; dim: boolean };
export type DepartmentNodeData = { label: string; w: number; h: number; status?: "red" | "amber" | "green" };
export type NurseNodeData = { name: string; role: string };

export const PersonNode = memo(function PersonNode({ data, selected }: NodeProps<Node<PersonNodeData>>) {
  const t = useTranslations();
  const { p, pins, dim } = data;
  const s = STANCE_STYLE[p.stance] ?? STANCE_STYLE.NEUTRAL;
  return (
    <div
      style={{
        width: nodeWidth(p.influence),
        height: NODE_H,
        background: s.bg,
        borderColor: selected ? "#1c1917" : s.border,
        opacity: dim ? 0.35 : 1,
      }}
      className={`relative flex flex-col justify-center rounded-md border-2 px-2 text-left ${selected ? "ring-2 ring-stone-900" : ""}`}
    >
      <Handle type="target" position={Position.Top} className="!h-2 !w-2 !bg-stone-400" />
      <div className="flex items-center gap-1">
        <span className="truncate text-sm font-bold text-stone-900">{p.name}</span>
        <span
          className="ml-auto shrink-0 rounded bg-white/80 px-1 text-[10px] font-medium text-stone-800"
          title={t(`keyPersonKinds.${p.kind}`)}
        >
          {t(`map.kindShort.${p.kind}`)}
        </span>
      </div>
      <div className="flex items-center gap-1 text-[11px] text-stone-700">
        <span className="truncate">{p.title}</span>
        <span className="ml-auto shrink-0">{t(`stances.${p.stance}`)}</span>
      </div>
      {pins > 0 && (
        <span
          className="absolute -top-2 -right-2 flex h-5 min-w-5 items-center justify-center rounded-full bg-violet-700 px-1 text-[10px] font-bold text-white"
          aria-label={t("map.pinnedComments", { count: pins })}
        >
          {pins}
        </span>
      )}
      <Handle type="source" position={Position.Bottom} className="!h-2 !w-2 !bg-stone-400" />
    </div>
  );
});

export const DepartmentNode = memo(function DepartmentNode({ data }: NodeProps<Node<DepartmentNodeData>>) {
  return (
    <div style={{ width: data.w, height: data.h }} className="rounded-lg border border-dashed border-stone-300 bg-stone-50/60">
      <div className="flex items-center gap-2 px-3 py-1.5 text-xs font-semibold text-stone-700">
        {data.status && <span className={`inline-block h-2.5 w-2.5 rounded-full ${STATUS_STYLE[data.status]}`} aria-hidden />}
        <span className="truncate">{data.label}</span>
      </div>
    </div>
  );
});

export const NurseNode = memo(function NurseNode({ data }: NodeProps<Node<NurseNodeData>>) {
  return (
    <div className="flex h-12 w-40 flex-col items-center justify-center rounded-full border-2 border-violet-700 bg-violet-50 text-center">
      <span className="text-sm font-bold text-violet-900">{data.name}</span>
      <span className="text-[10px] text-violet-800">{data.role}</span>
      <Handle type="source" position={Position.Bottom} className="!opacity-0" isConnectable={false} />
    </div>
  );
});

export const nodeTypes = { person: PersonNode, department: DepartmentNode, nurse: NurseNode };
