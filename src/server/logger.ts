import type { Logger } from '../ports';

export type { Logger };

const LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

/** The console logger: one line per event, at or above `level`. */
export function createLogger(level: (typeof LEVELS)[number] = 'info'): Logger {
  const min = LEVELS.indexOf(level);
  const at = (l: (typeof LEVELS)[number]) => (msg: string, extra?: unknown) => {
    if (LEVELS.indexOf(l) < min) return;
    const line = `${new Date().toISOString()} ${l.toUpperCase()} ${msg}`;
    const out = l === 'error' || l === 'warn' ? console.error : console.log;
    if (extra === undefined) out(line);
    else out(line, extra instanceof Error ? (extra.stack ?? extra.message) : extra);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
