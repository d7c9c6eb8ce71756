import { describe, expect, it } from 'vitest';
import { deviceFromUserAgent } from '../../src/ingest/device.ts';

const PIXEL = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const IPAD = 'Mozilla/5.0 (iPad; CPU OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Mobile/15E148 Safari/604.1';

describe('device from the User-Agent', () => {
  it('classes phones, tablets, desktops and bots', () => {
    expect(deviceFromUserAgent(PIXEL)).toEqual({ type: 'mobile', os: 'Android', browser: 'Chrome' });
    expect(deviceFromUserAgent(IPAD).type).toBe('tablet');
    expect(deviceFromUserAgent(undefined)).toEqual({ type: 'desktop' });
    expect(deviceFromUserAgent('Mozilla/5.0 (compatible; Googlebot/2.1)').bot).toBe(true);
  });

  it('answers a repeated User-Agent from memory with a copy the caller may change', () => {
    const first = deviceFromUserAgent(PIXEL);
    first.type = 'desktop';
    expect(deviceFromUserAgent(PIXEL).type).toBe('mobile');
    for (let i = 0; i < 1500; i++) deviceFromUserAgent(`${IPAD} build/${i}`); // more strings than the memory holds
    expect(deviceFromUserAgent(PIXEL)).toEqual({ type: 'mobile', os: 'Android', browser: 'Chrome' });
  });
});
