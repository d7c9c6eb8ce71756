// All styling lives in the shadow root. `all: initial !important` on :host beats any
// host-page rule (shadow !important wins over light-DOM rules), so `* { all: unset }`
// or `display: none !important` cannot reach us. Colours are custom properties so
// sites theme us from outside (`hark-widget { --hark-brand: … }`), and ::part names
// expose the main pieces. Logical properties keep the layout right in RTL.
export const css = `
:host{all:initial!important;display:block!important;visibility:visible!important;opacity:1!important;
--b:var(--hark-brand,#4f46e5);--on:var(--hark-on-brand,#fff);--bg:var(--hark-bg,#fff);--fg:var(--hark-fg,#1f2937);
--mu:var(--hark-muted,#4b5563);--bd:var(--hark-border,#9ca3af);--su:var(--hark-surface,#f3f4f6);--fo:var(--hark-focus,#1d4ed8);
font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);}
:host([data-scheme=dark]){--bg:var(--hark-bg,#111827);--fg:var(--hark-fg,#f9fafb);--mu:var(--hark-muted,#d1d5db);--bd:var(--hark-border,#6b7280);--su:var(--hark-surface,#1f2937);--fo:var(--hark-focus,#93c5fd)}
@media (prefers-color-scheme:dark){:host([data-scheme=auto]){--bg:var(--hark-bg,#111827);--fg:var(--hark-fg,#f9fafb);--mu:var(--hark-muted,#d1d5db);--bd:var(--hark-border,#6b7280);--su:var(--hark-surface,#1f2937);--fo:var(--hark-focus,#93c5fd)}}
*,*::before,*::after{box-sizing:border-box}
.d{position:fixed;z-index:2147483646;inset-block-end:16px;inset-inline-end:16px;width:min(380px,calc(100vw - 32px));max-height:calc(100vh - 32px);overflow:auto;
background:var(--bg);color:var(--fg);border:1px solid var(--bd);border-radius:12px;padding:16px;box-shadow:0 10px 30px rgba(0,0,0,.25);animation:in .2s ease-out}
:host([data-pos=bottom-left]) .d{inset-inline-end:auto;inset-inline-start:16px}
:host([data-pos=top-right]) .d{inset-block-end:auto;inset-block-start:16px}
:host([data-pos=top-left]) .d{inset-block-end:auto;inset-block-start:16px;inset-inline-end:auto;inset-inline-start:16px}
:host([data-pos=center]) .d{inset:50% auto auto 50%;transform:translate(-50%,-50%)}
.d.pop{inset:auto;animation:none}
.d.inl{position:static;width:auto;max-width:420px;margin:8px 0;box-shadow:none;animation:none}
@keyframes in{from{opacity:0;transform:translateY(8px)}}
h2{font-size:16px;font-weight:600;margin:0 32px 12px 0;margin-inline:0 32px}
p{margin:0 0 8px}
button{font:inherit;color:inherit;cursor:pointer;border-radius:8px;border:1px solid var(--bd);background:var(--su);padding:6px 12px;min-height:32px}
button:focus-visible,textarea:focus-visible{outline:3px solid var(--fo);outline-offset:2px}
button.pri{background:var(--b);color:var(--on);border-color:var(--b)}
button[aria-pressed=true]{background:var(--b);color:var(--on);border-color:var(--b)}
.x{position:absolute;inset-block-start:8px;inset-inline-end:8px;border:0;background:transparent;min-width:32px;padding:4px;font-size:18px;line-height:1}
.sc{display:grid;grid-template-columns:repeat(11,1fr);gap:4px}
.sc button{padding:6px 0;min-width:0}
.lb{display:flex;justify-content:space-between;font-size:12px;color:var(--mu);margin-top:4px}
.rt{display:flex;gap:6px}.rt button{font-size:22px;padding:2px 8px;line-height:1.2}
textarea{display:block;width:100%;min-height:80px;font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--bd);border-radius:8px;padding:8px;resize:vertical}
.ch{display:flex;flex-direction:column;gap:6px}
.ac{display:flex;gap:8px;justify-content:flex-end;margin-top:12px;flex-wrap:wrap}
.m{font-size:13px;color:var(--mu)}
.tab{position:fixed;z-index:2147483645;right:0;top:50%;transform:translateY(-50%);writing-mode:vertical-rl;border-radius:8px 0 0 8px;
background:var(--b);color:var(--on);border:0;padding:12px 8px;box-shadow:0 2px 8px rgba(0,0,0,.25)}
/* physical sides: in vertical writing mode the logical inline axis is vertical */
:host([dir=rtl]) .tab{right:auto;left:0;border-radius:0 8px 8px 0}
.hl{position:fixed;z-index:2147483647;pointer-events:none;border:2px solid var(--b);background:rgba(79,70,229,.12);border-radius:4px}
.tip{position:fixed;z-index:2147483647;inset-block-start:12px;inset-inline-start:50%;transform:translateX(-50%);background:var(--bg);color:var(--fg);border:1px solid var(--bd);border-radius:8px;padding:8px 12px}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}}
`;
