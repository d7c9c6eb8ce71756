// Webhook signatures. Each attempt is signed over "<timestamp>.<raw body>" with
// HMAC-SHA256 and the webhook's secret; the timestamp (Unix seconds) travels in
// X-Hark-Timestamp, so a captured request cannot be replayed once it is older
// than the receiver's tolerance (5 minutes by default).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-hark-signature';
export const TIMESTAMP_HEADER = 'x-hark-timestamp';
export const EVENT_HEADER = 'x-hark-event';
export const DELIVERY_HEADER = 'x-hark-delivery';

export function generateSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

/** "sha256=<hex>" of HMAC-SHA256(secret, `${timestamp}.${body}`). */
export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface VerifyOptions {
  toleranceSeconds?: number;
  now?: number;
}

/** What a receiver does: recompute, compare in constant time, refuse stale timestamps. */
export function verifySignature(secret: string, body: string, signatureHeader: string | undefined, timestampHeader: string | undefined, opts: VerifyOptions = {}): boolean {
  if (!signatureHeader || !timestampHeader || !/^\d{1,12}$/.test(timestampHeader)) return false;
  const ts = Number(timestampHeader);
  const now = opts.now ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - ts) > (opts.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(sign(secret, ts, body));
  const got = Buffer.from(signatureHeader);
  return got.length === expected.length && timingSafeEqual(got, expected);
}
