// The framework floor (scripts/perf-floor/README.md): builds the bare app once per Next.js and React
// version into .perf-floor/ with the project's own packages, and starts it on a free port.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export interface Floor {
  origin: URL;
  stop(): Promise<void>;
}

const ROOT = process.cwd();
const SOURCE = path.join(ROOT, "scripts", "perf-floor");
const version = (pkg: string) =>
  (JSON.parse(readFileSync(path.join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;
const ENV = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };
/** The floor's own `next` (its node_modules are ours, hard-linked). */
const nextBin = (dir: string) => path.join(dir, "node_modules", "next", "dist", "bin", "next");

/** The floor's own source (its pages and proxy), hashed: a changed floor is built again. */
function sourceHash(): string {
  const hash = createHash("sha256");
  const files = readdirSync(SOURCE, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && f !== "floor.ts")
    .sort();
  for (const f of files)
    hash
      .update(f)
      .update("\0")
      .update(readFileSync(path.join(SOURCE, f)))
      .update("\0");
  return hash.digest("hex").slice(0, 8);
}

/** Where the built floor of the installed Next.js and React lives; built on first use. */
function floorDir(log: (line: string) => void): string {
  const dir = path.join(ROOT, ".perf-floor", `next-${version("next")}-react-${version("react")}-${sourceHash()}`);
  if (existsSync(path.join(dir, ".built"))) return dir;
  log(`building the framework floor (a bare Next.js app, once) in ${path.relative(ROOT, dir)} …`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(SOURCE, "app"), path.join(dir, "app"), { recursive: true });
  cpSync(path.join(SOURCE, "proxy.ts"), path.join(dir, "proxy.ts"));
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        lib: ["dom", "esnext"],
        jsx: "react-jsx",
        module: "esnext",
        moduleResolution: "bundler",
        strict: true,
        skipLibCheck: true,
        esModuleInterop: true,
        isolatedModules: true,
        resolveJsonModule: true,
        noEmit: true,
        allowJs: true,
        plugins: [{ name: "next" }],
      },
      include: ["**/*.ts", "**/*.tsx"],
      exclude: ["node_modules"],
    }),
  );
  // A project of its own: its own configuration (Next.js would otherwise look up the tree and find
  // ours, proxy and instrumentation included) and its own workspace root, whose node_modules are
  // ours hard-linked: the same packages, no download, no copy.
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "perf-floor", private: true }));
  writeFileSync(
    path.join(dir, "next.config.mjs"),
    'import path from "node:path";\nimport { fileURLToPath } from "node:url";\nexport default { turbopack: { root: path.dirname(fileURLToPath(import.meta.url)) } };\n',
  );
  const linked = spawnSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(dir, "node_modules")], { encoding: "utf8" });
  if (linked.status !== 0) throw new Error(`could not link node_modules into the floor: ${linked.stderr}`);
  const built = spawnSync(process.execPath, [nextBin(dir), "build"], {
    cwd: dir,
    env: ENV,
    encoding: "utf8",
  });
  if (built.status !== 0) throw new Error(`the floor did not build:\n${built.stdout}\n${built.stderr}`);
  writeFileSync(path.join(dir, ".built"), "");
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Builds the floor if needed and starts it on 127.0.0.1; stop() ends it. */
export async function startFloor(log: (line: string) => void, session: { secret: string; databaseUrl?: string }): Promise<Floor> {
  const dir = floorDir(log);
  const port = await freePort();
  const child = spawn(process.execPath, [nextBin(dir), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: dir,
    // /session decrypts our session cookie with our secret and, on a PostgreSQL server, sends its
    // one statement to our database.
    env: { ...ENV, FLOOR_SESSION_SECRET: session.secret, FLOOR_DATABASE_URL: session.databaseUrl ?? "" },
    stdio: "ignore",
  });
  const origin = new URL(`http://127.0.0.1:${port}`);
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  for (let i = 0; i < 120; i++) {
    const res = await fetch(new URL("/plain", origin)).catch(() => null);
    if (res?.ok) return { origin, stop };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error("the floor did not start");
}
