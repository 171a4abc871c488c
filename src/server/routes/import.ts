import express, { type ErrorRequestHandler, type Router } from 'express';
import { z } from 'zod';
import { isoDateSchema, keySchema, parseOrInvalid, periodSchema } from '../../domain';
import { applyImport, ImportFileError, MAX_IMPORT_BYTES, previewImport, type CommandContext, type ImportRequest } from '../../commands';
import { command } from '../http/command-route';
import { sendError } from '../http-errors';

/**
 * The goal-table import for the admin page: `POST /api/import/preview` says what the file would
 * become and writes nothing; `POST /api/import/apply` imports it. Both take the same JSON body,
 * the file as base64 (the tab reads it with FileReader; no multipart parser to keep), and both
 * re-read the file, so apply never trusts a preview the client might have edited.
 */
export interface ImportRouteDeps {
  ctx: CommandContext;
}

const MAX_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

const bodySchema = z.object({
  fileName: z.string().min(1).max(255),
  /** The file's bytes, base64. */
  file: z.string().min(1, 'Choose a file').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file must be sent as base64'),
  plan: keySchema,
  sheet: z.union([z.string().max(100), z.number().int().min(1)]).optional(),
  mapping: z.record(z.string().max(300), z.string().max(40)).optional(),
  period: periodSchema.optional(),
  title: z.string().min(1).max(200).optional(),
  periodStart: isoDateSchema.optional(),
  periodEnd: isoDateSchema.optional(),
});

function toRequest(raw: unknown): ImportRequest {
  const b = parseOrInvalid(bodySchema, raw, 'import request');
  // Checked on the encoded length too, so a huge upload is refused before it is decoded.
  if (b.file.length > MAX_BASE64 + 4) throw new ImportFileError('too-large', `${b.fileName} is over 10 MB; the limit is 10 MB`);
  const { file, fileName, plan, ...rest } = b;
  return { bytes: new Uint8Array(Buffer.from(file, 'base64')), fileName, planKey: plan, ...rest };
}

export function importRouter({ ctx }: ImportRouteDeps): Router {
  const r = express.Router();
  // Base64 of a 10 MB file plus the options; anything bigger is answered below as "too large".
  r.use(express.json({ limit: MAX_BASE64 + 64 * 1024 }));
  // The caller was authenticated from the headers by listen's /api gate, before this body is read.
  r.post(
    '/preview',
    command(async (req, res, actor) => {
      res.json({ value: await previewImport(ctx, actor, toRequest(req.body)) });
    }),
  );
  r.post(
    '/apply',
    command(async (req, res, actor) => {
      res.json({ value: await applyImport(ctx, actor, toRequest(req.body)) });
    }),
  );

  const errors: ErrorRequestHandler = (err, _req, res, next) => {
    if (err instanceof ImportFileError) {
      res.status(err.reason === 'too-large' ? 413 : 400).json({ error: { code: 'invalid', reason: err.reason, message: err.message, fields: err.issues } });
      return;
    }
    if ((err as { type?: string }).type === 'entity.too.large') {
      res.status(413).json({ error: { code: 'invalid', reason: 'too-large', message: 'The file is over 10 MB; the limit is 10 MB', fields: [{ path: 'file', message: 'At most 10 MB' }] } });
      return;
    }
    if (err instanceof Error) {
      sendError(res, err);
      return;
    }
    next(err);
  };
  r.use(errors);
  return r;
}
