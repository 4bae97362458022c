/**
 * HTML built with a tagged template that escapes every interpolated value unless it is already `Html`: a value from
 * the graph or the request can only ever become text, never markup. Lists of parts are joined; null, undefined and
 * false render as nothing, so `${cond && html`...`}` reads naturally.
 */
import escapeHtml from 'escape-html';

/** Markup that is already safe: built by `html` (its values escaped) or by `rawHtml` from a constant. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export type HtmlPart = Html | string | number | null | undefined | false | readonly HtmlPart[];

function render(part: HtmlPart): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: HtmlPart[]): Html {
  let text = strings[0] ?? '';
  values.forEach((value, index) => {
    text += render(value) + (strings[index + 1] ?? '');
  });
  return new Html(text);
}

/**
 * A link to an address from the data, only if it is an http(s) URL (a `javascript:` or `data:` address in a data
 * file must not become a live link); otherwise the content alone.
 */
export function link(url: string | null, content: HtmlPart): Html {
  return url !== null && /^https?:\/\//i.test(url) ? html`<a href="${url}">${content}</a>` : html`${content}`;
}
