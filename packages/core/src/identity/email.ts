import { boundedMemo } from "./bounded-memo";
import { IdentityError } from "./identity-error";

/** Where an address came from on the vendor record; decides whether it may join accounts. */
export type EmailKind = "login" | "primary" | "backup" | "contact";

/** One email address on an account: as received, and normalised (null when malformed). */
export interface AccountEmail {
  readonly value: string;
  readonly normalized: string | null;
  readonly kind: EmailKind;
}

/** A well-formed address split into its normalised parts. */
export interface ParsedEmail {
  /** `local@domain`, normalised. */
  readonly address: string;
  readonly local: string;
  /** The ASCII (punycode) form of the domain. */
  readonly domain: string;
}

/** Why {@link parseEmail} rejected a value. */
export type EmailRejection =
  "not-a-string" | "empty" | "missing-at" | "bad-local-part" | "bad-domain" | "too-long";

/**
 * Matching choices that go beyond plain normalisation. Off by default: Gmail ignores dots and
 * `+tags`, but most providers do not, and merging two people wrongly is worse than missing a join.
 */
export interface EmailMatchOptions {
  readonly gmail?: {
    /** Treat `j.smith@gmail.com` and `jsmith@gmail.com` as one address. */
    readonly ignoreDots?: boolean;
    /** Treat `jsmith+ops@gmail.com` and `jsmith@gmail.com` as one address. */
    readonly ignorePlusTags?: boolean;
  };
}

// Unquoted local parts only (quoted strings are legal but never seen from these vendors); any
// non-ASCII character is allowed as in RFC 6531, the RFC 5322 specials are not.
const LOCAL_ATOM = /^[^\s()<>[\]:;@\\,."\u0000-\u001f\u007f]+$/u;
const ASCII_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const DOMAIN_FORBIDDEN = /[\s/?#:@[\]\\%<>^|"'`{}]/u;

/** Labels URL would decode (punycode) or a last label it would read as an IPv4 number. */
const URL_REWRITES = /(?:^|\.)xn--|(?:^|\.)0x[0-9a-f]*$/;

/**
 * Domains rarely repeat in shape, but an organisation's addresses share a few exactly: each is
 * checked (and IDNA through `URL`, the slow step, applied) once.
 */
const toAsciiDomain = boundedMemo((domain: string): string | null => {
  // Lower-case letter-digit-hyphen labels are already what IDNA would return.
  if (isAsciiDomain(domain) && !URL_REWRITES.test(domain)) return domain;
  let ascii: string | null = null;
  // An empty domain makes URL throw.
  if (!DOMAIN_FORBIDDEN.test(domain)) {
    try {
      // WHATWG URL applies UTS #46 (IDNA) to hostnames: lower-case and punycode.
      ascii = new URL(`http://${domain}`).hostname;
    } catch {
      // not a host name: ascii stays null
    }
  }
  return ascii !== null && isAsciiDomain(ascii) ? ascii : null;
}, 10_000);

function isAsciiDomain(domain: string): boolean {
  if (domain.length > 253) return false;
  const labels = domain.split(".");
  if (labels.length < 2) return false;
  for (const label of labels) if (!ASCII_LABEL.test(label)) return false;
  // A numeric top-level label means an IP address (URL would also rewrite "0x7f.1"), not a domain.
  return !/^[0-9]+$/.test(labels[labels.length - 1]!);
}

const NON_ASCII = /[^\u0000-\u007f]/;

/** The parsed address, or why it was rejected (returned, not thrown: rejections are common). */
function parseParts(value: unknown): ParsedEmail | EmailRejection {
  if (typeof value !== "string") return "not-a-string";
  const untrimmed = value.trim();
  // NFC leaves ASCII unchanged; skip the Unicode work for the usual address.
  const trimmed = NON_ASCII.test(untrimmed) ? untrimmed.normalize("NFC") : untrimmed;
  if (trimmed.length === 0) return "empty";
  if (trimmed.length > 320) return "too-long";
  const at = trimmed.lastIndexOf("@");
  if (at < 0) return "missing-at";
  const local = trimmed.slice(0, at).toLowerCase();
  const rawDomain = trimmed.slice(at + 1);
  // An empty local part fails LOCAL_ATOM below.
  if (local.length > 64) return "bad-local-part";
  for (const atom of local.split(".")) {
    if (!LOCAL_ATOM.test(atom)) return "bad-local-part";
  }
  const domain = toAsciiDomain(rawDomain.toLowerCase());
  if (domain === null) return "bad-domain";
  // An address already in normal form is returned as given, without building a new string.
  const same =
    trimmed.length === local.length + 1 + domain.length &&
    trimmed.startsWith(local) &&
    trimmed.endsWith(domain);
  const address = same ? trimmed : `${local}@${domain}`;
  return { address, local, domain };
}

const REJECTION_TEXT: Record<EmailRejection, string> = {
  "not-a-string": "an email address must be a string",
  empty: "the email address is empty",
  "missing-at": "the email address has no '@'",
  "bad-local-part": "the part before '@' is empty, too long, or has a forbidden character or dots",
  "bad-domain": "the domain is not a valid host name (it needs at least one dot and valid labels)",
  "too-long": "the email address is longer than 320 characters",
};

/**
 * Parse and normalise an address: trim, Unicode NFC, lower-case, IDNA (punycode) domain.
 * Look-alike letters (Cyrillic "а" for Latin "a") are deliberately left distinct.
 * Throws {@link IdentityError} (code "invalid-email") saying what is wrong.
 */
export function parseEmail(value: unknown, path = "email"): ParsedEmail {
  const parsed = parseParts(value);
  if (typeof parsed === "string") {
    throw new IdentityError("invalid-email", REJECTION_TEXT[parsed], path);
  }
  return parsed;
}

/** Why `value` is not a usable address, or null when it is. */
export function emailRejection(value: unknown): EmailRejection | null {
  const parsed = parseParts(value);
  return typeof parsed === "string" ? parsed : null;
}

/** True when {@link parseEmail} would accept `value`. */
export function isValidEmail(value: unknown): boolean {
  return emailRejection(value) === null;
}

/** The normalised address (with any match options applied), or null when malformed. */
export function normalizeEmail(value: unknown, options?: EmailMatchOptions): string | null {
  const parsed = parseParts(value);
  if (typeof parsed === "string") return null;
  return options === undefined ? parsed.address : applyMatchOptions(parsed.address, options);
}

/**
 * The key core compares addresses by: the normalised address ({@link normalizeEmail}), or for a
 * malformed value the value trimmed. Every comparison of two addresses goes through this, so an
 * NFD `josé@…` or a Unicode domain matches the normalised form a plan or directory holds.
 */
export function emailKey(value: string): string {
  return normalizeEmail(value) ?? value.trim();
}

/** True when two addresses are the same address (see {@link emailKey}). */
export function sameEmail(a: string, b: string): boolean {
  return emailKey(a) === emailKey(b);
}

/** Apply {@link EmailMatchOptions} to an already normalised address. */
export function applyMatchOptions(normalized: string, options: EmailMatchOptions): string {
  const gmail = options.gmail;
  if (gmail === undefined || (!gmail.ignoreDots && !gmail.ignorePlusTags)) return normalized;
  const at = normalized.lastIndexOf("@");
  const domain = normalized.slice(at + 1);
  if (domain !== "gmail.com" && domain !== "googlemail.com") return normalized;
  let local = normalized.slice(0, at);
  if (gmail.ignorePlusTags) {
    const plus = local.indexOf("+");
    if (plus > 0) local = local.slice(0, plus);
  }
  if (gmail.ignoreDots) local = local.replaceAll(".", "");
  // googlemail.com is the same mailbox as gmail.com.
  return `${local}@gmail.com`;
}

/** Build an {@link AccountEmail} for an adapter; a malformed value is kept with `normalized: null`. */
export function email(value: string, kind: EmailKind): AccountEmail {
  return { value, normalized: normalizeEmail(value), kind };
}
