// Webhooks per site: create (the secret is shown once), list, update, delete,
// and the delivery log.
import { randomBytes } from 'node:crypto';
import type { Webhook, WebhookCreate, WebhookDelivery, WebhookPatch } from '@hark/shared';
import { notFound } from '../../http/errors.ts';
import type { Collection } from '../../store/port.ts';
import type { DeliveryDoc, WebhookDoc } from '../collections.ts';
import { generateSecret } from './sign.ts';

export function toApiWebhook(d: WebhookDoc, showSecret = false): Webhook {
  const out: Webhook = {
    id: d.id,
    siteKey: d.siteKey,
    url: d.url,
    events: d.events as Webhook['events'],
    format: d.format,
    active: d.active,
    secretHint: `…${d.secret.slice(-4)}`,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
  if (d.description !== undefined) out.description = d.description;
  if (showSecret) out.secret = d.secret;
  return out;
}

export function toApiDelivery(d: DeliveryDoc): WebhookDelivery {
  const { _id, body: _b, ...rest } = d as DeliveryDoc & { _id?: unknown };
  return rest as WebhookDelivery;
}

export class WebhookRegistry {
  constructor(
    private readonly webhooks: Collection<WebhookDoc>,
    private readonly deliveries: Collection<DeliveryDoc>,
    /** Called after every change (the dispatcher caches the webhooks of each site briefly). */
    private readonly onChange: () => void = () => {},
  ) {}

  async create(siteKey: string, input: WebhookCreate): Promise<Webhook> {
    const now = new Date().toISOString();
    const doc: WebhookDoc = {
      id: `whk_${randomBytes(8).toString('hex')}`,
      siteKey,
      url: input.url,
      events: [...new Set(input.events)],
      format: input.format,
      active: input.active,
      secret: generateSecret(),
      createdAt: now,
      updatedAt: now,
      ...(input.description !== undefined ? { description: input.description } : {}),
    };
    await this.webhooks.insertOne(doc);
    this.onChange();
    return toApiWebhook(doc, true);
  }

  async list(siteKey: string): Promise<Webhook[]> {
    return (await this.webhooks.find({ siteKey }, { sort: { createdAt: 1 } })).map((d) => toApiWebhook(d));
  }

  async require(id: string): Promise<WebhookDoc> {
    const d = await this.webhooks.findOne({ id });
    if (!d) throw notFound(`webhook "${id}"`);
    return d;
  }

  async patch(id: string, p: WebhookPatch): Promise<Webhook> {
    await this.require(id);
    const { rotateSecret, events, ...rest } = p;
    const set: Record<string, unknown> = { ...rest, updatedAt: new Date().toISOString() };
    if (events) set.events = [...new Set(events)];
    if (rotateSecret) set.secret = generateSecret();
    const updated = await this.webhooks.findOneAndUpdate({ id }, { $set: set });
    if (!updated) throw notFound(`webhook "${id}"`);
    this.onChange();
    return toApiWebhook(updated, rotateSecret === true);
  }

  async delete(id: string): Promise<void> {
    await this.require(id);
    await this.webhooks.deleteMany({ id });
    this.onChange();
  }

  async deliveryLog(id: string, limit: number): Promise<WebhookDelivery[]> {
    await this.require(id);
    return (await this.deliveries.find({ webhookId: id }, { sort: { createdAt: -1, id: -1 }, limit })).map(toApiDelivery);
  }
}
