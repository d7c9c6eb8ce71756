// The backlog's collections. `stories` is also read by PM initiatives: natural key
// `id`, fields {id, siteKey, title, status, initiativeId?} at least (status `done` = delivered).
import type { Story, WebhookDelivery } from '@hark/shared';
import type { CollectionSpec, Doc } from '../store/port.ts';

export type StoryDoc = Story & Doc;

export const storiesSpec: CollectionSpec<StoryDoc> = {
  name: 'stories',
  key: (d) => d.id,
  indexes: [
    { fields: { id: 1 }, unique: true },
    { fields: { siteKey: 1, createdAt: -1, id: -1 } },
    { fields: { siteKey: 1, status: 1 } },
    { fields: { responseIds: 1 } },
    { fields: { initiativeId: 1 } },
    { fields: { escalated: 1 } },
  ],
};

export interface WebhookDoc extends Doc {
  id: string;
  siteKey: string;
  url: string;
  events: string[];
  format: 'json' | 'slack';
  description?: string;
  active: boolean;
  /** Kept in clear: it signs every delivery. Never returned after creation. */
  secret: string;
  createdAt: string;
  updatedAt: string;
}

export const webhooksSpec: CollectionSpec<WebhookDoc> = {
  name: 'webhooks',
  key: (d) => d.id,
  indexes: [{ fields: { id: 1 }, unique: true }, { fields: { siteKey: 1 } }],
};

export type DeliveryDoc = WebhookDelivery &
  Doc & {
    /** The exact bytes sent (without the per-attempt timestamp, which is in a header). */
    body: string;
  };

export const deliveriesSpec: CollectionSpec<DeliveryDoc> = {
  name: 'webhook_deliveries',
  key: (d) => d.id,
  indexes: [
    { fields: { id: 1 }, unique: true },
    { fields: { status: 1, nextAttemptAt: 1 } },
    { fields: { webhookId: 1, createdAt: -1 } },
  ],
};
