import type { ServerResponse } from 'node:http';

/**
 * A JSON answer written straight to the socket, on an Express response or a plain
 * node:http one. res.json() goes through res.send(), which re-checks the content
 * type, charset and freshness of every body: on the ingest path, where the body
 * is a tiny acknowledgement, that is a noticeable share of each request.
 */
export function writeJson(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
  const json = JSON.stringify(body);
  res.statusCode = status;
  if (headers) for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(json));
  res.end(json);
}
