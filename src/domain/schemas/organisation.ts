import { z } from 'zod';
import { localeSchema, localizedTextSchema } from './localized';
import { keySchema } from './plan';
import { personSchema } from './person';

/** A reporting unit / service area, e.g. VAKA (early childhood education). */
export const unitSchema = z.object({
  key: keySchema,
  name: localizedTextSchema,
  order: z.number().int().default(0),
});
export type Unit = z.infer<typeof unitSchema>;

/** Where the bot posts for a group: set when the app is installed and the channel is linked. */
export const conversationRefSchema = z.object({
  conversationId: z.string().min(1),
  serviceUrl: z.string().url(),
  tenantId: z.string().optional(),
  teamId: z.string().optional(),
  channelId: z.string().optional(),
});
export type ConversationRef = z.infer<typeof conversationRefSchema>;

/** A development group (kehittämisryhmä) that carries out goals; each has a Teams channel. */
export const groupSchema = z.object({
  key: keySchema,
  name: localizedTextSchema,
  members: z.array(personSchema).default([]),
  owners: z.array(personSchema).default([]),
  conversation: conversationRefSchema.optional(),
  /** Language of the group's channel cards; falls back to the plan's. */
  language: localeSchema.optional(),
});
export type Group = z.infer<typeof groupSchema>;

/** Someone who installed the app personally: where the bot reaches them and in which language. */
export const personRecordSchema = z.object({
  key: z.string().min(1),
  upn: z.string().optional(),
  name: z.string().min(1),
  conversation: conversationRefSchema.optional(),
  language: localeSchema.optional(),
});
export type PersonRecord = z.infer<typeof personRecordSchema>;
