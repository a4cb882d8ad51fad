export * from "./generated/client";
