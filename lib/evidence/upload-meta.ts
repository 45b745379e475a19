import { z } from 'zod';
import { MAX_LABEL_LENGTH, documentAuthorSchema, documentDateSchema } from './exhibit-fields';

/** What the claimant says about a file (the file itself is judged by its bytes). */
export const evidenceMetaSchema = z.object({
  /** One of the evidence kinds the case's claim definition offers the claimant (the route checks which). */
  kind: z.string().trim().min(1).max(64),
  label: z.string().trim().max(MAX_LABEL_LENGTH).default(''),
  /** 작성자 and 작성일, both optional: the exhibit list prints them (counsel may correct them at review). */
  documentAuthor: documentAuthorSchema,
  documentDate: documentDateSchema,
  note: z.string().trim().max(1000).default(''),
  filename: z.string().trim().min(1).max(255),
});

/** A resumable upload also names the SHA-256 of the whole file, computed by the browser before it starts. */
export const resumableMetaSchema = evidenceMetaSchema.extend({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'intake.evidence.errors.uploadMismatch'),
});
