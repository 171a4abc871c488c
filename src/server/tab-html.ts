/**
 * The tab's index.html with its runtime configuration inside (`#tab-config`, a JSON data block:
 * not script, so the CSP is untouched), so the tab starts signing in without first asking for
 * `/config.json` — in Teams, MSAL needs the app's ids from it before it can ask for a token.
 * `/config.json` stays for a retry after a failed start and for the dev server's page.
 */
export function withTabConfig(html: string, config: unknown): string {
  // `<` escaped, so no value can close the element (`</script>`) or open a comment.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  const block = `<script type="application/json" id="tab-config">${json}</script>`;
  const at = html.indexOf('</head>');
  if (at < 0) throw new Error('index.html has no </head> to put the configuration before');
  return html.slice(0, at) + block + html.slice(at);
}
