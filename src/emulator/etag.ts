/**
 * SharePoint item eTags as Graph shows them: `"{GUID-UPPERCASE},N"` (quotes included), N growing
 * by one on every write. The GUID identifies the item, N its version.
 */
export function formatETag(guid: string, version: number): string {
  return `"{${guid.toUpperCase()}},${version}"`;
}

/** Graph compares the value of If-Match loosely: surrounding quotes, `W/` and GUID case do not matter. */
export function eTagMatches(ifMatch: string, guid: string, version: number): boolean {
  return ifMatch
    .split(',')
    .reduce<string[]>((acc, part, i, parts) => {
      // the eTag itself contains a comma; re-join "{GUID}" with its version
      if (i % 2 === 0) acc.push(parts.slice(i, i + 2).join(','));
      return acc;
    }, [])
    .some((candidate) => {
      const value = candidate.trim();
      if (value === '*') return true;
      const bare = value.replace(/^W\//, '').replace(/^"|"$/g, '');
      const m = /^\{?([0-9a-fA-F-]{36})\}?,(\d+)$/.exec(bare);
      return m !== null && m[1]!.toUpperCase() === guid.toUpperCase() && Number(m[2]) === version;
    });
}
