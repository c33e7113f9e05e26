// Pages turn domain errors into the right page: not found → 404 page, forbidden → 403 page.
// Anything else stays an error (the segment's error boundary).
import { forbidden, notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

export async function orPageError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof AppError && e.code === "notFound") notFound();
    if (e instanceof AppError && e.code === "forbidden") forbidden();
    throw e;
  }
}
