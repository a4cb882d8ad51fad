export type { User } from "./generated/schema";
