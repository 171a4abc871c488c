import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../../src/emulator/index.js';

/** Tokens understood by the test authenticator. */
export const APP = 'Bearer app-token';
export const USER = 'Bearer user-token';

export const testAuthenticate: EmulatorOptions['authenticate'] = async (header) => {
  if (header === APP) return { kind: 'app', displayName: 'Tavoitteet app', id: '11111111-2222-3333-4444-555555555555' };
  if (header === USER) return { kind: 'delegated', displayName: 'Maija Meikäläinen', id: '99999999-8888-7777-6666-555555555555' };
  return null;
};

export interface Harness {
  emulator: Emulator;
  base: string;
  site: string;
  call(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
  stop(): Promise<void>;
}

/** The emulator's router on a real HTTP server on an ephemeral port. */
export async function startEmulator(options: Partial<EmulatorOptions> = {}): Promise<Harness> {
  const emulator = createEmulator({ dbPath: ':memory:', authenticate: testAuthenticate, ...options });
  const app = express();
  app.use('/graph/v1.0', emulator.router);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graph/v1.0`;
  const call: Harness['call'] = async (method, path, body, headers = {}) => {
    const res = await fetch(path.startsWith('http') ? path : `${base}${path}`, {
      method,
      headers: {
        Authorization: APP,
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  return {
    emulator,
    base,
    site: `/sites/${emulator.siteId}`,
    call,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      emulator.close();
    },
  };
}

/** A list with one column of each kind, the typical shape of the app's lists. */
export const GOALS_LIST = {
  displayName: 'Goals',
  columns: [
    { name: 'Key', text: {}, indexed: true, enforceUniqueValues: true },
    { name: 'PlanKey', text: {}, indexed: true },
    { name: 'Narrative', text: { allowMultipleLines: true } },
    { name: 'Order', number: {}, indexed: true },
    { name: 'Score', number: {} },
    { name: 'DueAt', dateTime: {}, indexed: true },
    { name: 'Active', boolean: {}, indexed: true },
    { name: 'Status', choice: { choices: ['green', 'yellow', 'red'] }, indexed: true },
    { name: 'Owner', text: {}, required: true },
  ],
  list: { template: 'genericList' },
};

export async function createGoals(h: Harness): Promise<string> {
  const res = await h.call('POST', `${h.site}/lists`, GOALS_LIST);
  if (res.status !== 201) throw new Error(`list creation failed: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/** Same JSON type at every key of the documented example (recursively for objects, first array element). */
export function shapeMismatches(actual: unknown, expected: unknown, path = '$'): string[] {
  const kind = (v: unknown): string => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  if (kind(actual) !== kind(expected)) return [`${path}: expected ${kind(expected)}, got ${kind(actual)}`];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    return expected.length && actual.length ? shapeMismatches(actual[0], expected[0], `${path}[0]`) : [];
  }
  if (kind(expected) === 'object') {
    return Object.entries(expected as Record<string, unknown>).flatMap(([k, v]) =>
      k in (actual as Record<string, unknown>) ? shapeMismatches((actual as Record<string, unknown>)[k], v, `${path}.${k}`) : [`${path}.${k}: missing`],
    );
  }
  return [];
}
