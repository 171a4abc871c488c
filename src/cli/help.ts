/**
 * `--help` / `-h` for every command-line tool: when asked, print the tool's usage to stdout and
 * exit 0 before reading settings, opening the emulator or reaching a tenant, so help works on any
 * machine and never has side effects.
 */
export function exitWithHelpIfAsked(usage: string, argv: readonly string[] = process.argv.slice(2)): void {
  // Arguments after a bare `--` belong to someone else (playground passes them on).
  const own = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (own.includes('--help') || own.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
}
