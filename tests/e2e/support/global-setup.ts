import type { TestProject } from 'vitest/node';
import { buildTab, startE2eServer, type E2eServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: E2eServer | undefined;

export default async function setup(project: TestProject) {
  buildTab();
  server = await startE2eServer();
  project.provide('baseUrl', server.url);
  return async () => {
    await server?.close();
  };
}
