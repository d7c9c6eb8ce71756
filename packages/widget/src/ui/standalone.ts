// Script-tag build of the UI chunk: hands the module to the loader with a DOM event,
// so loading it adds no global of its own.
import { ui } from './index.tsx';

document.dispatchEvent(new CustomEvent('hark:ui', { detail: ui }));
