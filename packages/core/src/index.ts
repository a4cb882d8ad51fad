// The public surface of @rollcall/core: the identity model and, beside it, the client runtime.
export * from "./identity/index";
