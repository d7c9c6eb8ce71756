// The UI's whole "framework": JSX compiled to h() calls that build real DOM nodes.
// Each survey step is rebuilt from scratch (a handful of nodes), so no diffing, no
// component state machinery: Preact cost 4.2 kB gz of a 12 kB budget for nothing we used.
// Props: on* → listeners; names with a dash (aria-*, data-*) → attributes as strings;
// `style` → style properties (CSSOM, allowed under a strict CSP); `ref` gets the node;
// known DOM properties (value, tabIndex, disabled, …) are assigned; the rest are attributes.
export type Child = Node | string | number | false | null | undefined | Child[];
type Props = Record<string, any> | null;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    type Element = any;
    interface IntrinsicElements {
      [tag: string]: Record<string, unknown>;
    }
  }
}

export function h(tag: string | ((p: any) => Child), props: Props, ...children: Child[]): any {
  if (typeof tag !== 'string') return tag({ ...props, children });
  const el = document.createElement(tag) as any;
  for (const k in props) {
    const v = props[k];
    if (v === undefined || v === null) continue;
    if (k[0] === 'o' && k[1] === 'n') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (k === 'ref') v(el);
    else if (k === 'style') Object.assign(el.style, v);
    else if (k.includes('-') || !(k in el)) el.setAttribute(k, v);
    else el[k] = v;
  }
  el.append(...nodes(children));
  return el;
}

/** Children as DOM can take them: nested arrays (fragments, maps) flattened, false/null/undefined dropped. */
export const nodes = (children: Child[]) => children.flat(9).filter((c) => c != null && c !== false) as Array<Node | string>;

export const Fragment = (p: { children?: Child[] }) => p.children;
