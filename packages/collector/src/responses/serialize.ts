import type { StoredResponse } from '@hark/shared';
import type { Doc } from '../store/port.ts';

/** Store document → API shape: dates as ISO strings, nothing internal. */
export function toApiResponse(doc: Doc): StoredResponse {
  const { receivedAt, _id, ...rest } = doc as Doc & { receivedAt: Date | string };
  return {
    ...(rest as Omit<StoredResponse, 'receivedAt'>),
    receivedAt: receivedAt instanceof Date ? receivedAt.toISOString() : String(receivedAt),
  };
}
