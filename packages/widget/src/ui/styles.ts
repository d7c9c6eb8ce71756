// All styling lives in the shadow root. `all: initial !important` on :host beats any
// host-page rule (shadow !important wins over light-DOM rules), so `* { all: unset }`
// or `display: none !important` cannot reach us. Colours are custom properties so
// sites theme us from outside (`hark-widget { --hark-brand: … }`), and ::part names
// expose the main pieces. Logical properties keep the layout right in RTL.
// Written minified (short internal variables, no duplicated rules) because every byte
// here counts against the 12 kB budget; the dark palette is written once, as variables
// that the light palette falls back to.
const dark = '--bg:var(--hark-bg,#111827);--fg:var(--hark-fg,#f9fafb);--mu:var(--hark-muted,#d1d5db);--bd:var(--hark-border,#6b7280);--su:var(--hark-surface,#1f2937);--fo:var(--hark-focus,#93c5fd)';
const box = 'background:var(--bg);color:var(--fg);border:1px solid var(--bd);border-radius:8px';
const brand = 'background:var(--b);color:var(--on);border-color:var(--b)';
export const css =
  ':host{all:initial!important;display:block!important;visibility:visible!important;opacity:1!important;' +
  '--b:var(--hark-brand,var(--c));--on:var(--hark-on-brand,var(--o));--bg:var(--hark-bg,#fff);--fg:var(--hark-fg,#1f2937);--mu:var(--hark-muted,#4b5563);--bd:var(--hark-border,#9ca3af);--su:var(--hark-surface,#f3f4f6);--fo:var(--hark-focus,#1d4ed8);' +
  'font:15px/1.4 system-ui,sans-serif;color:var(--fg)}' +
  `:host([data-scheme=dark]){${dark}}@media(prefers-color-scheme:dark){:host([data-scheme=auto]){${dark}}}` +
  '*{box-sizing:border-box}' +
  `.d{position:fixed;z-index:2147483646;inset-block:auto 16px;inset-inline:auto 16px;width:min(380px,calc(100vw - 32px));max-height:calc(100vh - 32px);overflow:auto;${box};border-radius:12px;padding:16px;box-shadow:0 8px 30px #0004;animation:i .2s}` +
  ':host([data-pos$=left]) .d{inset-inline:16px auto}:host([data-pos^=top]) .d{inset-block:16px auto}' +
  ':host([data-pos=center]) .d{inset:50% auto auto 50%;translate:-50% -50%}' +
  '.d.pop{inset:auto;animation:none}.d.inl{position:static;width:auto;max-width:420px;margin:8px 0;box-shadow:none;animation:none}' +
  '@keyframes i{0%{opacity:0;transform:translateY(8px)}}' +
  'h2{font-size:16px;margin-block:0 12px;margin-inline:0 32px}p{margin:0 0 8px}' +
  'button{font:inherit;color:inherit;cursor:pointer;border-radius:8px;border:1px solid var(--bd);background:var(--su);padding:6px 12px;min-height:32px}' +
  ':focus-visible{outline:3px solid var(--fo);outline-offset:2px}' +
  `.p,[aria-pressed=true]{${brand}}` +
  '.x{position:absolute;inset-block-start:8px;inset-inline-end:8px;border:0;background:none;padding:4px;min-width:32px;font-size:18px;line-height:1}' +
  '.sc{display:grid;grid-template-columns:repeat(11,1fr);gap:4px}.sc button{padding:6px 0;min-width:0}' +
  '.lb{display:flex;justify-content:space-between;font-size:12px;color:var(--mu);margin-top:4px}' +
  '.rt,.ch,.ac{display:flex;gap:6px}.rt button{font-size:22px;padding:2px 8px}.ch{flex-direction:column}' +
  '.ac{justify-content:flex-end;margin-top:12px}.m{font-size:13px;color:var(--mu)}' +
  `textarea{display:block;width:100%;min-height:80px;font:inherit;${box};padding:8px;resize:vertical}` +
  // Physical sides for the tab: in vertical writing mode the logical inline axis is vertical.
  `.tab{position:fixed;z-index:2147483645;right:0;top:50%;translate:0 -50%;writing-mode:vertical-rl;${brand};border:0;border-radius:8px 0 0 8px;padding:12px 8px;box-shadow:0 2px 8px #0004}` +
  ':host([dir=rtl]) .tab{right:auto;left:0;border-radius:0 8px 8px 0}' +
  '.hl,.tip{position:fixed;z-index:2147483647}.hl{pointer-events:none;border:2px solid var(--b);border-radius:4px}' +
  `.tip{top:12px;left:50%;translate:-50%;${box};padding:8px 12px}` +
  '@media(prefers-reduced-motion:reduce){*{animation:none!important}}';
