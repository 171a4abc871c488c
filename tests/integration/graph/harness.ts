import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../../src/emulator/index';
import { createGraphClient, provisionLists, type GraphClient, type RetryOptions } from '../../../src/graph';

export const TEST_TOKEN = 'test-app-token';

export const authenticate: EmulatorOptions['authenticate'] = async (header) =>
  header === `Bearer ${TEST_TOKEN}` ? { kind: 'app', displayName: 'Tavoitteet (test)', id: 'app-under-test' } : null;

 
type RawBody = any;

export interface GraphHarness {
  emulator: Emulator;
  baseUrl: string;
  client: GraphClient;
  siteId: string;
  /** Raw HTTP with the test token, to do what a person editing the list by hand would do. */
  raw(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: RawBody }>;
  stop(): Promise<void>;
}

/** express + emulator on 127.0.0.1:0, a client pointed at it, and every manifest list provisioned. */
export async function startGraph(
  options: { pageSize?: number; retry?: RetryOptions; provision?: boolean; random?: () => number; listViewThreshold?: number } = {},
): Promise<GraphHarness> {
  const emulator = createEmulator({ dbPath: ':memory:', authenticate, ...(options.pageSize ? { pageSize: options.pageSize } : {}),
    ...(options.random ? { random: options.random } : {}),
    ...(options.listViewThreshold !== undefined ? { listViewThreshold: options.listViewThreshold } : {}),
  });
  const app = express();
  app.use('/graph/v1.0', emulator.router);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graph/v1.0/`;
  const client = createGraphClient({
    baseUrl,
    getToken: async () => TEST_TOKEN,
    retry: options.retry ?? { maxRetries: 10, delaySeconds: 0, maxDelaySeconds: 1 },
  });
  if (options.provision !== false) await provisionLists({ client, siteId: emulator.siteId });
  return {
    emulator,
    baseUrl,
    client,
    siteId: emulator.siteId,
    raw: async (method, path, body, headers = {}) => {
      const res = await fetch(`${baseUrl}${path.replace(/^\//, '')}`, {
        method,
        headers: { Authorization: `Bearer ${TEST_TOKEN}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    },
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      emulator.close();
    },
  };
}
