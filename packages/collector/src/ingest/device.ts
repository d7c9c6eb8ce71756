import type { Device } from '@hark/shared';
import { UAParser } from 'ua-parser-js';

const BOT = /bot|crawl|spider|slurp|headless|lighthouse|preview/i;

// Parsing a User-Agent costs tens of microseconds, a large share of an ingest; a
// site's visitors share few distinct strings, so recent answers are remembered.
const CACHE_SIZE = 1000;
const cache = new Map<string, Device>();

/** Device class from the User-Agent, for segmenting answers (desktop / mobile / tablet). */
export function deviceFromUserAgent(ua: string | undefined): Device {
  if (!ua) return { type: 'desktop' };
  const hit = cache.get(ua);
  if (hit) return { ...hit };
  const device = parse(ua);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(ua, device);
  return { ...device };
}

function parse(ua: string): Device {
  const r = new UAParser(ua).getResult();
  const t = r.device.type === 'mobile' ? 'mobile' : r.device.type === 'tablet' ? 'tablet' : 'desktop';
  const device: Device = { type: t };
  if (r.os.name) device.os = r.os.name;
  if (r.browser.name) device.browser = r.browser.name;
  if (BOT.test(ua)) device.bot = true;
  return device;
}
