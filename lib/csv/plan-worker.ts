// The planning worker: one import's plan, computed on its own thread and handed back a slice at a
// time, each when the server asks for it, so that the server takes in 45,000 rows between other
// requests instead of in one go.
import { parentPort, workerData } from "node:worker_threads";
import { planFile, type PlanInput, type PlanMessage } from "./plan";

const SLICE = 2_000;
const output = planFile(workerData as PlanInput);
const messages: PlanMessage[] = [];
for (let i = 0; i < output.rows.length; i += SLICE) {
  messages.push({ rows: output.rows.slice(i, i + SLICE), previewRows: output.preview.rows.slice(i, i + SLICE) });
}
messages.push({ done: { ...output, rows: [], preview: { ...output.preview, rows: [] } } });
const next = () => parentPort!.postMessage(messages.shift());
parentPort!.on("message", next);
next();
