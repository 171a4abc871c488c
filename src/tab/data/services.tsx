/**
 * The per-session services the hooks use: configuration, the signed-in user's auth, the command
 * API and the Graph reads. Created once per user by `DataProvider`; tests pass fakes.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Auth } from '../auth/auth';
import type { HostContext } from '../host/host';
import { createApi, type Api } from './api';
import type { TabConfig } from './config';
import { createReads, type Reads } from './reads';

export interface Services {
  config: TabConfig;
  auth: Auth;
  host: HostContext;
  api: Api;
  reads: Reads;
  /** Milliseconds to add to the local clock to get the server's (local mode runs in 2021). */
  clockOffsetMs: number;
}

const ServicesContext = createContext<Services | null>(null);

export function createServices(config: TabConfig, auth: Auth, host: HostContext): Services {
  return {
    config,
    auth,
    host,
    api: createApi({ baseUrl: config.apiBaseUrl, getToken: () => auth.getApiToken() }),
    reads: createReads({ graphBaseUrl: config.graphBaseUrl, siteId: config.siteId, ...(config.listIds ? { listIds: config.listIds } : {}), getToken: () => auth.getGraphToken() }),
    clockOffsetMs: Date.parse(config.now) - Date.now(),
  };
}

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesProvider');
  return s;
}

export const useConfig = (): TabConfig => useServices().config;
export const useAuth = (): Auth => useServices().auth;
export const useHost = (): HostContext => useServices().host;
export const useApi = (): Api => useServices().api;

/** The server's clock now, outside React (the first reads); views use `useClock` or `useNow`. */
export const serverNow = (clockOffsetMs: number): Date => new Date(Date.now() + clockOffsetMs);

/** The server's clock as a function, for times taken at an event (a draft's save). */
export function useClock(): () => Date {
  const { clockOffsetMs } = useServices();
  return useMemo(() => () => serverNow(clockOffsetMs), [clockOffsetMs]);
}

/** The server's clock (demo mode runs in September 2021), re-rendering every `tickMs`. */
export function useNow(tickMs = 60_000): Date {
  const { clockOffsetMs } = useServices();
  const [now, setNow] = useState(() => serverNow(clockOffsetMs));
  useEffect(() => {
    const id = window.setInterval(() => setNow(serverNow(clockOffsetMs)), tickMs);
    return () => window.clearInterval(id);
  }, [clockOffsetMs, tickMs]);
  return useMemo(() => now, [now]);
}
