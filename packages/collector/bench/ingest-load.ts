// The load both ingest benchmarks put on a server: one NPS answer per request, with a
// fresh id each time, sent the way the widget sends it from a phone's browser.
import { randomUUID } from 'node:crypto';

// The collector derives the device from the User-Agent, as in production.
export const USER_AGENT = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

export function ingestBody(): string {
  return JSON.stringify({
    id: randomUUID(),
    surveyId: 'demo-nps',
    type: 'nps',
    score: Math.floor(Math.random() * 11),
    comment: 'The export to CSV takes ages on big boards, otherwise great.',
    locale: 'en',
    context: { url: 'https://app.example.com/boards/42', element: 'Export button' },
    user: { id: `u-${Math.floor(Math.random() * 1000)}`, traits: { plan: 'pro' } },
  });
}

/** autocannon options for POST /v1/sites/demo/responses on the server at `url`. */
export function ingestLoad(url: string, connections: number, duration: number) {
  return {
    url: `${url}/v1/sites/demo/responses`,
    method: 'POST' as const,
    connections,
    duration,
    headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT },
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: ingestBody() }) }],
  };
}
