// Small DOM helpers for the page components (Framework's `html` template would load from a CDN).
import type { Lang } from './i18n.js';
import { siteHref, sitePath } from './site.js';

type Child = Node | string | null | undefined | false;

/** An element with attributes and children; null, undefined and false children are skipped. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

/** A page section: a level-2 heading (with an id for links) and its content. */
export function section(id: string, title: string, ...children: Child[]): HTMLElement {
  return el('section', { class: 'sa-section', 'aria-labelledby': id }, el('h2', { id }, title), ...children);
}

export const paragraph = (text: string, className?: string): HTMLParagraphElement =>
  el('p', className ? { class: className } : {}, text);

/** A labelled <select>; `onChange` receives the chosen value. */
export function select(
  label: string,
  options: readonly { value: string; label: string; group?: string }[],
  value: string,
  onChange: (value: string) => void,
): HTMLElement {
  const id = `sa-select-${Math.random().toString(36).slice(2, 9)}`;
  const input = el('select', { id });
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const o of options) {
    const option = el('option', { value: o.value }, o.label);
    if (o.value === value) option.selected = true;
    if (o.group) {
      let g = groups.get(o.group);
      if (!g) {
        g = el('optgroup', { label: o.group });
        groups.set(o.group, g);
        input.append(g);
      }
      g.append(option);
    } else input.append(option);
  }
  input.addEventListener('change', () => onChange(input.value));
  return el('div', { class: 'sa-control' }, el('label', { for: id }, label), input);
}

/** A link to a page of the site in the reader's language ("data-quality", "methodology#funding-parameters"). */
export const pageLink = (slug: string, text: string, lang: Lang): HTMLAnchorElement =>
  el('a', { href: siteHref(sitePath(lang, slug)) }, text);
