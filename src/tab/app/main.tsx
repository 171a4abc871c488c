import { createRoot } from 'react-dom/client';
import { App } from './app';
import { detectHost } from '../host/host';
import { initialTheme, loadTheme } from '../theme/theme';
import { createI18n, initialLanguage } from '../i18n';

/** Entry: find the host (never hangs outside Teams), load the language and theme, render. */
async function start() {
  const host = await detectHost();
  // A dark or high-contrast start loads that theme's chunk alongside the texts: no light flash.
  const [i18n] = await Promise.all([createI18n(initialLanguage(host.locale)), loadTheme(initialTheme(host)).catch(() => undefined)]);
  const el = document.getElementById('root');
  if (!el) throw new Error('index.html lacks #root');
  createRoot(el).render(<App host={host} i18n={i18n} />);
  host.teams?.app.notifySuccess();
}

void start();
