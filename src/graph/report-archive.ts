import { z } from 'zod';
import { NotFound } from '../domain';
import { REPORT_LIBRARY_COLUMNS } from '../../manifest/lists';
import type { ArchiveMetadata, ArchivedFile, ReportArchive } from '../ports';
import type { GraphClient } from './client';

/**
 * The report archive on the site's default document library, through Graph's drive API: simple
 * upload by path (`PUT /sites/{site}/drive/root:/{path}:/content`, at most 250 MB, folders on the
 * path created) with `conflictBehavior=fail` so a filed report is never overwritten, and a folder's
 * children, and a file's content (`GET …:/content`, which Graph answers with a 302 to a
 * pre-authenticated download URL that fetch follows). Answers are checked with zod like list items are.
 *
 * The upload runs as the app, so the library's own "created by" is the app. Who filed the report,
 * and what it reports, go to the library's columns (`manifest/lists.ts` REPORT_LIBRARY_COLUMNS,
 * added by `npm run provision`) on the file's list item right after the upload
 * (`PATCH …/drive/items/{id}/listItem/fields`), and come back with the listing
 * (`children?$expand=listItem($expand=fields)`).
 */
const identity = z.object({ user: z.object({ displayName: z.string().optional() }).optional(), application: z.object({ displayName: z.string().optional() }).optional() }).optional();
const [FILED_BY, FILED_BY_ID, PLAN_KEY, PERIOD, LANGUAGE] = REPORT_LIBRARY_COLUMNS.map((c) => c.name) as [string, string, string, string, string];
const listItemFields = z.object({ fields: z.record(z.string(), z.unknown()).optional() }).optional();
const driveItem = z.object({
  id: z.string(),
  name: z.string(),
  listItem: listItemFields,
  size: z.number().default(0),
  webUrl: z.string(),
  createdDateTime: z.string(),
  createdBy: identity,
  file: z.object({}).passthrough().optional(),
  parentReference: z.object({ path: z.string().optional() }).passthrough().optional(),
});
const children = z.object({ value: z.array(z.unknown()), '@odata.nextLink': z.string().optional() });

const encodePath = (segments: readonly string[]) => segments.map(encodeURIComponent).join('/');

function toFile(raw: unknown, folder: readonly string[]): ArchivedFile | undefined {
  const r = driveItem.safeParse(raw);
  if (!r.success || !r.data.file) return undefined;
  const by = r.data.createdBy;
  const fields = r.data.listItem?.fields ?? {};
  const filerName = fields[FILED_BY];
  const filerId = fields[FILED_BY_ID];
  return {
    name: r.data.name,
    folder: folder.join('/'),
    webUrl: r.data.webUrl,
    size: r.data.size,
    createdAt: r.data.createdDateTime,
    createdBy: by?.user?.displayName && by.user.displayName !== 'SharePoint App' ? by.user.displayName : (by?.application?.displayName ?? by?.user?.displayName ?? ''),
    ...(typeof filerName === 'string' && filerName ? { filedBy: { id: typeof filerId === 'string' ? filerId : '', name: filerName } } : {}),
  };
}

const metadataFields = (m: ArchiveMetadata): Record<string, string> => ({
  [FILED_BY]: m.filedBy.name,
  [FILED_BY_ID]: m.filedBy.id,
  [PLAN_KEY]: m.planKey,
  [PERIOD]: m.period,
  [LANGUAGE]: m.lang,
});

const columnList = z.object({ value: z.array(z.object({ name: z.string() })) });
const libraryListRef = z.object({ id: z.string() });

export function createReportArchive({ client, siteId }: { client: GraphClient; siteId: string }): ReportArchive {
  const drive = `/sites/${siteId}/drive`;
  /**
   * A report is filed only where its filer can be recorded: a library without the archive's columns
   * (a site not provisioned since they were added) is refused before the upload, so no record is
   * left without them. Checked once per process while it holds.
   */
  let columnsChecked: Promise<void> | undefined;
  const requireColumns = () => {
    columnsChecked ??= (async () => {
      const list = libraryListRef.parse(await client.get(`${drive}/list?$select=id`));
      const have = new Set(columnList.parse(await client.get(`/sites/${siteId}/lists/${list.id}/columns`)).value.map((c) => c.name.toLowerCase()));
      const missing = REPORT_LIBRARY_COLUMNS.filter((c) => !have.has(c.name.toLowerCase())).map((c) => c.name);
      // A site's setup, not a passing outage: a 500 whose log line says what to run, not 'try again'.
      if (missing.length) throw new Error(`The document library lacks the report archive's columns ${missing.join(', ')}: run \`npm run provision\` on the site`);
    })().catch((e: unknown) => {
      columnsChecked = undefined;
      throw e;
    });
    return columnsChecked;
  };
  return {
    async save(folder, fileName, bytes, contentType, metadata) {
      await requireColumns();
      const path = `${drive}/root:/${encodePath([...folder, fileName])}:/content?@microsoft.graph.conflictBehavior=fail`;
      const raw = await client.put(path, bytes, { headers: { 'Content-Type': contentType } });
      const uploaded = driveItem.safeParse(raw);
      if (!uploaded.success || !uploaded.data.file) throw new Error(`Graph answered the upload of ${fileName} with something other than a file`);
      const fields = await client.patch(`${drive}/items/${encodeURIComponent(uploaded.data.id)}/listItem/fields`, metadataFields(metadata));
      const file = toFile({ ...uploaded.data, listItem: { fields } }, folder);
      if (!file) throw new Error(`Graph answered the upload of ${fileName} with something other than a file`);
      return file;
    },
    async list(folder) {
      let next: string | undefined = `${drive}/root:/${encodePath(folder)}:/children?$top=200&$expand=${encodeURIComponent('listItem($expand=fields)')}`;
      const out: ArchivedFile[] = [];
      try {
        while (next) {
          const page = children.parse(await client.get(next));
          for (const v of page.value) {
            const f = toFile(v, folder);
            if (f) out.push(f);
          }
          next = page['@odata.nextLink'];
        }
      } catch (e) {
        if (e instanceof NotFound) return [];
        throw e;
      }
      return out;
    },
    async read(folder, fileName) {
      return client.getBytes(`${drive}/root:/${encodePath([...folder, fileName])}:/content`);
    },
  };
}
