// Read at build time: tsdown inlines the version, so the User-Agent follows `changeset version`.
import { version } from "../package.json";

export const PACKAGE_VERSION: string = version;
