// HTML built only through `html\`…\``: every interpolated value is escaped unless it is already
// Html, so vendor text (names, roles, group names) can never become markup. Control and bidi
// characters are shown as `\uXXXX` first, as the CLI shows them everywhere else.
import { neutralise } from "../neutralise";

/** Markup that is already safe: made by `html` or `raw`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlPart = Html | string | number | null | undefined | false | readonly HtmlPart[];

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text as it is safe to place in an element or a quoted attribute. */
export function escapeText(text: string): string {
  return neutralise(text).replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

function render(part: HtmlPart): string {
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join("");
  if (part === null || part === undefined || part === false) return "";
  return escapeText(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: readonly HtmlPart[]): Html {
  let out = strings[0]!;
  parts.forEach((part, index) => (out += render(part) + strings[index + 1]!));
  return new Html(out);
}

/** Trusted markup written in this codebase (the stylesheet); never vendor text. */
export function raw(markup: string): Html {
  return new Html(markup);
}
