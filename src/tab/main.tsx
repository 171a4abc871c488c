import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { detectHost } from './app/host';
import { createI18n, initialLanguage } from './i18n';

/** Entry: find the host (never hangs outside Teams), load the language, render. */
async function start() {
  const host = await detectHost();
  const i18n = await createI18n(initialLanguage(host.locale));
  const el = document.getElementById('root');
  if (!el) throw new Error('index.html lacks #root');
  createRoot(el).render(<App host={host} i18n={i18n} />);
  host.teams?.app.notifySuccess();
}

void start();
