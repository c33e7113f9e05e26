// Pages turn domain errors into the right page: not found → 404 page, forbidden → 403 page, the
// database away → the calm 503 page. Anything else stays an error (the segment's error boundary).
import { forbidden, notFound, redirect } from "next/navigation";
import { AppError, isUnavailable } from "@/lib/errors";

export async function orPageError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof AppError && e.code === "notFound") notFound();
    if (e instanceof AppError && e.code === "forbidden") forbidden();
    throw e;
  }
}

/** Sends the reader to /unavailable (503, Retry-After) when the database cannot be reached. */
export async function orUnavailablePage<T>(work: Promise<T>, path: string): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (isUnavailable(e) || (e instanceof AppError && e.code === "unavailable")) redirect(`/unavailable?next=${encodeURIComponent(path)}`);
    throw e;
  }
}
