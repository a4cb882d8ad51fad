// Writes a review to a folder: the page and every evidence file. Takes the renderer's input, so a
// live pull and a pair of stored snapshots both go through here.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ReviewInput } from "./input";
import { formatDay } from "./labels";
import { renderReview } from "./render-review";

export const REVIEW_PAGE = "review.html";

/** `rollcall-review-2026-11-30`, in the working directory. */
export function defaultReviewDir(now: Date): string {
  return `rollcall-review-${formatDay(now)}`;
}

/** Renders `input` into `dir` (created if missing; files of an earlier review replaced). Returns the paths written. */
export async function writeReview(input: ReviewInput, dir: string): Promise<string[]> {
  const { html, evidence } = renderReview(input);
  await mkdir(dir, { recursive: true });
  const files = [
    { name: REVIEW_PAGE, text: html },
    ...evidence.map((file) => ({ name: file.fileName, text: file.csv })),
  ];
  const paths: string[] = [];
  for (const file of files) {
    const path = join(dir, file.name);
    await writeFile(path, file.text, "utf8");
    paths.push(path);
  }
  return paths;
}
