"use client";
// The relationship map itself (React Flow): department boxes, people placed by the server's
// deterministic layout, reporting lines, typed links, the nurse's strength lines. Pan, zoom, fit,
// focus, keyboard selection, PNG export. Loaded only on pages that show it.
import "@xyflow/react/dist/style.css";
import {
  Background,
  Controls,
  getNodesBounds,
  getViewportForBounds,
  MarkerType,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Edge,
  type Node,
} from "@xyflow/react";
import { toPng } from "html-to-image";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useState } from "react";
import { nodeWidth, NODE_H, type GroupBox, type Position } from "@/lib/map/layout";
import { nodeTypes, type DepartmentNodeData, type NurseNodeData, type PersonNodeData } from "./nodes";
import { BAND_STROKE, LINK_STYLE, REPORTS_STROKE } from "./styles";
import type { CanvasLink, CanvasPerson } from "./types";
import { buttonVariants } from "@/components/ui/button";

export type MapCanvasProps = {
  people: CanvasPerson[];
  links: CanvasLink[];
  positions: Record<string, Position>;
  boxes: GroupBox[];
  statuses?: Record<string, "red" | "amber" | "green">;
  nurse?: NurseNodeData;
  nursePosition?: Position;
  showStrength: boolean;
  pins?: Record<string, number>;
  /** Comments pinned to each link, by link id. */
  linkPins?: Record<string, number>;
  focus?: { id: string; n: number } | null;
  onSelect: (id: string | null) => void;
  onConnect?: (fromId: string, toId: string) => void;
  height?: string;
  fileName?: string;
};

const NURSE_ID = "__nurse";

function buildNodes(p: Pick<MapCanvasProps, "people" | "positions" | "boxes" | "statuses" | "nurse" | "nursePosition" | "pins">): Node[] {
  const nodes: Node[] = p.boxes.map((b, i) => ({
    id: `dept:${b.departmentId ?? "none"}:${i}`,
    type: "department",
    position: { x: b.x, y: b.y },
    data: {
      label: b.label,
      w: b.w,
      h: b.h,
      status: b.departmentId ? p.statuses?.[b.departmentId] : undefined,
    } satisfies DepartmentNodeData,
    selectable: false,
    focusable: false,
    draggable: false,
    zIndex: -1,
  }));
  if (p.nurse)
    nodes.push({
      id: NURSE_ID,
      type: "nurse",
      position: p.nursePosition ?? { x: 0, y: -140 },
      data: p.nurse,
      selectable: false,
      focusable: false,
      draggable: false,
    });
  for (const person of p.people) {
    const pos = p.positions[person.id];
    if (!pos) continue;
    nodes.push({
      id: person.id,
      type: "person",
      position: pos,
      data: { p: person, pins: p.pins?.[person.id] ?? 0, dim: false } satisfies PersonNodeData,
      draggable: false,
      width: nodeWidth(person.influence),
      height: NODE_H,
      ariaLabel: person.name,
    });
  }
  return nodes;
}

function buildEdges(p: Pick<MapCanvasProps, "people" | "links" | "nurse" | "showStrength" | "linkPins">): Edge[] {
  const ids = new Set(p.people.map((x) => x.id));
  const edges: Edge[] = [];
  for (const person of p.people) {
    if (person.reportsToId && ids.has(person.reportsToId)) {
      edges.push({
        id: `r:${person.id}`,
        source: person.reportsToId,
        target: person.id,
        type: "smoothstep",
        style: { stroke: REPORTS_STROKE, strokeWidth: 1.5 },
        focusable: false,
      });
    }
  }
  for (const l of p.links) {
    if (!ids.has(l.fromId) || !ids.has(l.toId)) continue;
    const s = LINK_STYLE[l.type] ?? LINK_STYLE.INFLUENCES;
    edges.push({
      id: `l:${l.id}`,
      source: l.fromId,
      target: l.toId,
      style: { stroke: s.stroke, strokeWidth: 2, strokeDasharray: s.dash },
      markerEnd: s.arrow ? { type: MarkerType.ArrowClosed, color: s.stroke } : undefined,
      ariaLabel: l.type,
      // Comments pinned to this link: a violet count on the line, like the marker on a person.
      ...(p.linkPins?.[l.id]
        ? {
            label: String(p.linkPins[l.id]),
            labelStyle: { fill: "#ffffff", fontWeight: 700, fontSize: 11 },
            labelBgStyle: { fill: "#6d28d9" },
            labelBgPadding: [5, 2] as [number, number],
            labelBgBorderRadius: 8,
          }
        : {}),
    });
  }
  if (p.nurse && p.showStrength) {
    for (const person of p.people) {
      if (person.band === "none") continue;
      edges.push({
        id: `s:${person.id}`,
        source: NURSE_ID,
        target: person.id,
        type: "straight",
        style: { stroke: BAND_STROKE[person.band], strokeWidth: 1 + person.strength / 50, opacity: 0.55 },
        focusable: false,
        selectable: false,
      });
    }
  }
  return edges;
}

function Canvas(props: MapCanvasProps) {
  const t = useTranslations("map");
  const flow = useReactFlow();
  const [exporting, setExporting] = useState(false);
  const { people, links, positions, boxes, statuses, nurse, nursePosition, pins, linkPins, showStrength, onSelect, onConnect, focus } =
    props;
  const nodes = useMemo(
    () => buildNodes({ people, positions, boxes, statuses, nurse, nursePosition, pins }),
    [people, positions, boxes, statuses, nurse, nursePosition, pins],
  );
  const edges = useMemo(() => buildEdges({ people, links, nurse, showStrength, linkPins }), [people, links, nurse, showStrength, linkPins]);

  // The flow is uncontrolled (it keeps selection and viewport); new data from the server replaces
  // its nodes and edges.
  useEffect(() => {
    flow.setNodes(nodes);
  }, [nodes, flow]);
  useEffect(() => {
    flow.setEdges(edges);
  }, [edges, flow]);

  useEffect(() => {
    if (!focus) return;
    const node = flow.getNode(focus.id);
    if (!node) return;
    flow.setNodes((ns) => ns.map((n) => (n.type === "person" ? { ...n, selected: n.id === focus.id } : n)));
    flow.setCenter(node.position.x + (node.width ?? 180) / 2, node.position.y + NODE_H / 2, { zoom: 1.2, duration: 300 });
    onSelect(focus.id);
  }, [focus, flow, onSelect]);

  const exportPng = useCallback(async () => {
    setExporting(true);
    try {
      const bounds = getNodesBounds(flow.getNodes());
      const width = Math.min(4000, Math.ceil(bounds.width + 80));
      const height = Math.min(4000, Math.ceil(bounds.height + 80));
      const vp = getViewportForBounds(bounds, width, height, 0.05, 2, 0.02);
      const el = document.querySelector<HTMLElement>(".ally-map .react-flow__viewport");
      if (!el) return;
      const url = await toPng(el, {
        backgroundColor: "#ffffff",
        width,
        height,
        style: { width: `${width}px`, height: `${height}px`, transform: `translate(${vp.x}px, ${vp.y}px) scale(${vp.zoom})` },
      });
      const a = document.createElement("a");
      a.href = url;
      a.download = `${props.fileName ?? "relationship-map"}.png`;
      a.click();
    } finally {
      setExporting(false);
    }
  }, [flow, props.fileName]);

  return (
    <div className="ally-map relative rounded-lg border border-stone-200 bg-white" style={{ height: props.height ?? "70vh" }}>
      <div className="no-print absolute top-2 right-2 z-10 flex gap-1">
        <button
          type="button"
          onClick={() => flow.fitView({ duration: 300 })}
          className={buttonVariants({ variant: "secondary", size: "xs" })}
        >
          {t("fit")}
        </button>
        <button type="button" onClick={exportPng} disabled={exporting} className={buttonVariants({ variant: "secondary", size: "xs" })}>
          {t("exportPng")}
        </button>
        <button type="button" onClick={() => window.print()} className={buttonVariants({ variant: "secondary", size: "xs" })}>
          {t("print")}
        </button>
      </div>
      <ReactFlow
        defaultNodes={nodes}
        defaultEdges={edges}
        nodeTypes={nodeTypes}
        fitView
        // The first view keeps card text readable (no smaller than about 9 px); 全体 shows everything.
        fitViewOptions={{ minZoom: 0.8 }}
        minZoom={0.05}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={Boolean(onConnect)}
        onlyRenderVisibleElements={!exporting && people.length > 150}
        onConnect={(c) => c.source && c.target && c.source !== c.target && onConnect?.(c.source, c.target)}
        onSelectionChange={({ nodes: sel }) => onSelect(sel.find((n) => n.type === "person")?.id ?? null)}
        proOptions={{ hideAttribution: true }}
        aria-label={t("rfCanvas")}
        ariaLabelConfig={{
          "node.a11yDescription.default": t("rfNodeA11y"),
          "edge.a11yDescription.default": t("rfEdgeA11y"),
          "controls.ariaLabel": t("rfControls"),
          "controls.zoomIn.ariaLabel": t("rfZoomIn"),
          "controls.zoomOut.ariaLabel": t("rfZoomOut"),
          "controls.fitView.ariaLabel": t("rfFitView"),
          "controls.interactive.ariaLabel": t("rfInteractive"),
          "minimap.ariaLabel": t("rfMinimap"),
        }}
      >
        <Background gap={24} color="#e7e5e4" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

export default function MapCanvas(props: MapCanvasProps) {
  return (
    <ReactFlowProvider>
      <Canvas {...props} />
    </ReactFlowProvider>
  );
}
