// DOM helpers shared by the webviews: elements are built with DOM APIs and text goes through text
// nodes only (never innerHTML), so nothing from a report, a query or a label is parsed as markup.

export type Child = Node | string | null | undefined | false;
export interface Props {
  class?: string;
  id?: string;
  title?: string;
  role?: string;
  key?: string;
  /** A label's control. */
  for?: string;
  /** Other attributes, e.g. aria-*, tabindex. */
  attrs?: Record<string, string>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.id) el.id = props.id;
  if (props.title) el.title = props.title;
  if (props.role) el.setAttribute('role', props.role);
  if (props.key) el.dataset.key = props.key;
  if (props.for) el.setAttribute('for', props.for);
  for (const [k, v] of Object.entries(props.attrs ?? {})) el.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

export function button(label: string, onClick: () => void, cls = ''): HTMLButtonElement {
  const b = h('button', { class: cls }, label);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}

/** What the webview API offers (it exists only inside VS Code). */
export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
