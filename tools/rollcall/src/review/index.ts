// The review report: `renderReview(input)` → the HTML page and its CSV evidence.
export { renderReview } from "./render-review";
export { writeReview, defaultReviewDir } from "./write-review";
export type { EvidenceFile, ReviewInput, ReviewOutput, ReviewVendor } from "./input";
