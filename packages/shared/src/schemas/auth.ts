import { z } from 'zod';

export const ROLES = ['admin', 'pm', 'po', 'viewer'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const TokenCreate = z
  .strictObject({ name: z.string().min(1).max(100), role: Role })
  .meta({ id: 'TokenCreate' });

export const TokenInfo = z
  .object({ id: z.string(), name: z.string(), role: Role, createdAt: z.string(), lastUsedAt: z.string().optional() })
  .meta({ id: 'TokenInfo' });
export type TokenInfo = z.infer<typeof TokenInfo>;
