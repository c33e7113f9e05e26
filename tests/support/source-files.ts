// The project's own source, for tests that read code as text (which module imports what, which
// classes a page writes by hand).
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../..");

/** Absolute paths of the .ts and .tsx files under a folder (or the file itself) relative to the root. */
export function sourceFilesUnder(dir: string): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [abs];
  return readdirSync(abs, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFilesUnder(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(abs, e.name)] : [],
  );
}
