export { listAllUsers, type ListAllUsersOptions } from "./generated/client";
