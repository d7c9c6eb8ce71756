import type { Device } from '@hark/shared';
import { UAParser } from 'ua-parser-js';

const BOT = /bot|crawl|spider|slurp|headless|lighthouse|preview/i;

/** Device class from the User-Agent, for segmenting answers (desktop / mobile / tablet). */
export function deviceFromUserAgent(ua: string | undefined): Device {
  if (!ua) return { type: 'desktop' };
  const r = new UAParser(ua).getResult();
  const t = r.device.type === 'mobile' ? 'mobile' : r.device.type === 'tablet' ? 'tablet' : 'desktop';
  const device: Device = { type: t };
  if (r.os.name) device.os = r.os.name;
  if (r.browser.name) device.browser = r.browser.name;
  if (BOT.test(ua)) device.bot = true;
  return device;
}
