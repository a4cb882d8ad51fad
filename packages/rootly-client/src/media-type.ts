import { vendor } from "./generated/vendor";

/** Rootly speaks JSON:API: this media type on every request and response body. */
export const JSON_API_MEDIA_TYPE = vendor.mediaType;
