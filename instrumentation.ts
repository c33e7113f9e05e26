// Next.js calls register() once per server process before it serves requests.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startup } = await import("./lib/db/startup");
  try {
    await startup();
  } catch (e) {
    console.error(`\nStart-up failed: ${(e as Error).message}\n`);
    process.exit(1);
  }
}
