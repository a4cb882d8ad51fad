// Read at build time: tsdown inlines the version, so the User-Agent follows `changeset version`.
import { version } from "../package.json";
import { vendor } from "./generated/vendor";

export const PACKAGE_NAME: string = vendor.packageName;
export const PACKAGE_VERSION: string = version;
