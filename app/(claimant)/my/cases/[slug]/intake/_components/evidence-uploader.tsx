'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { SelectField, TextField } from '@/app/_components/form-field';
import { Alert, Button } from '@/app/_components/ui';
import type { EvidenceView } from '@/lib/evidence/view';
import { uploadEvidenceFile } from './upload-request';

type EvidenceKind = string;
/** An evidence kind the case's definition offers this claimant, with what it asks for. */
export type OfferedKind = { id: string; label: string; requirement: string };
import { byteSize } from '@/lib/format/numbers';

type Limits = { maxFileBytes: number; maxFiles: number; maxTotalBytes: number };
type Pending = {
  id: number;
  file: File;
  kind: EvidenceKind;
  label: string;
  note: string;
  documentAuthor: string;
  documentDate: string;
  progress: number;
  status: 'ready' | 'uploading' | 'error';
  message?: string;
  /** The server's refusals by field (a 작성일 after today), shown at the field. */
  fieldErrors?: Record<string, string>;
};

/** The id prefix of each described field of a pending file, by the name the server's errors use. */
const FIELD_IDS: Record<string, string> = { kind: 'kind', label: 'label', note: 'note', documentAuthor: 'author', documentDate: 'date' };

const ACCEPT = 'application/pdf,.pdf,image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp';

/** The first kind offered: the claimant picks another in the list before uploading. */
function firstKind(kinds: readonly OfferedKind[]): EvidenceKind {
  return kinds[0]?.id ?? 'other';
}

/**
 * Picks files (picker, drag and drop, or the phone camera), lets the claimant describe each,
 * uploads them one by one with a progress bar, and lists what is stored with a remove button.
 * Sizes are checked here for a quick answer; the server decides (type by bytes, limits, quota).
 */
export function EvidenceUploader({
  caseSlug,
  initialFiles,
  removableIds,
  limits,
  kinds,
  today,
}: {
  caseSlug: string;
  initialFiles: EvidenceView[];
  removableIds: string[];
  limits: Limits;
  kinds: OfferedKind[];
  /** Today in Korea (YYYY-MM-DD): the latest 작성일 offered; the server checks it again. */
  today: string;
}) {
  const t = useTranslations('intake.evidence');
  const format = useFormatter();
  const [uploaded, setUploaded] = useState<EvidenceView[]>(initialFiles);
  const [removable, setRemovable] = useState<string[]>(removableIds);
  const [pending, setPending] = useState<Pending[]>([]);
  const [notice, setNotice] = useState<{ tone: 'success' | 'warning' | 'error'; text: string } | null>(null);
  const [isDragging, setDragging] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const nextId = useRef(1);
  const pickerRef = useRef<HTMLInputElement>(null);
  const cameraRef = useRef<HTMLInputElement>(null);

  const size = (bytes: number) => {
    const { unit, value } = byteSize(bytes);
    return t(unit === 'kb' ? 'sizeKb' : 'size', { size: format.number(value, { maximumFractionDigits: 1 }) });
  };
  const update = (id: number, change: Partial<Pending>) =>
    setPending((current) => current.map((item) => (item.id === id ? { ...item, ...change } : item)));
  // A file refused only for what was typed about it can be sent again once that is corrected.
  const edit = (item: Pending, change: Partial<Pending>) =>
    update(item.id, item.fieldErrors ? { ...change, status: 'ready', message: undefined, fieldErrors: undefined } : change);

  const addFiles = (files: FileList | File[] | null) => {
    if (!files) return;
    const added: Pending[] = [];
    for (const file of Array.from(files)) {
      const tooLarge = file.size > limits.maxFileBytes;
      added.push({
        id: nextId.current++,
        file,
        kind: firstKind(kinds),
        label: file.name.replace(/\.[^.]+$/, '').slice(0, 120),
        note: '',
        documentAuthor: '',
        documentDate: '',
        progress: 0,
        status: tooLarge ? 'error' : 'ready',
        message: tooLarge ? t('errors.fileTooLargeClient', { max: size(limits.maxFileBytes) }) : undefined,
      });
    }
    setPending((current) => [...current, ...added]);
    setNotice(null);
  };

  const uploadAll = async () => {
    setBusy(true);
    for (const item of pending.filter((entry) => entry.status === 'ready')) {
      update(item.id, { status: 'uploading', progress: 0, message: undefined, fieldErrors: undefined });
      const result = await uploadEvidenceFile(caseSlug, item, (progress) => update(item.id, { progress }), t('errors.network'));
      if (!result.ok) {
        // Everything typed stays; a field's own refusal is shown at that field and takes the focus.
        update(item.id, { status: 'error', message: result.message, fieldErrors: result.fieldErrors });
        const field = Object.keys(result.fieldErrors ?? {})[0];
        if (field) requestAnimationFrame(() => document.getElementById(`${FIELD_IDS[field] ?? field}-${item.id}`)?.focus());
        continue;
      }
      setPending((current) => current.filter((entry) => entry.id !== item.id));
      if (result.isDuplicate) {
        setNotice({
          tone: 'warning',
          text: t('duplicate', { name: item.file.name, label: result.evidence.label || result.evidence.filename }),
        });
      } else {
        setUploaded((current) => [...current, result.evidence]);
        setRemovable((current) => [...current, result.evidence.id]);
        setNotice({ tone: 'success', text: t('uploaded', { name: item.file.name }) });
      }
    }
    setBusy(false);
  };

  const remove = async (file: EvidenceView) => {
    const response = await fetch(file.downloadUrl, { method: 'DELETE' });
    if (response.ok) {
      setUploaded((current) => current.filter((entry) => entry.id !== file.id));
      setNotice({ tone: 'success', text: t('removed', { name: file.filename }) });
    } else {
      const body = (await response.json().catch(() => null)) as { message?: string } | null;
      setNotice({ tone: 'error', text: body?.message ?? t('errors.generic') });
    }
  };

  const usedBytes = uploaded.reduce((sum, file) => sum + file.byteSize, 0);
  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-600">
        {t('limits', { maxFile: size(limits.maxFileBytes), maxFiles: limits.maxFiles, maxTotal: size(limits.maxTotalBytes) })}
      </p>
      <div
        data-testid="drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          addFiles(event.dataTransfer.files);
        }}
        className={`space-y-3 rounded-2xl border-2 border-dashed p-5 text-center ${isDragging ? 'border-brand-600 bg-brand-50' : 'border-slate-300 bg-slate-50'}`}
      >
        <p className="text-sm text-slate-700">{t('dropHere')}</p>
        <div className="flex flex-col gap-2 sm:flex-row sm:justify-center">
          <Button type="button" variant="secondary" onClick={() => pickerRef.current?.click()}>
            {t('choose')}
          </Button>
          <Button type="button" variant="secondary" onClick={() => cameraRef.current?.click()}>
            {t('camera')}
          </Button>
        </div>
        {/* The buttons above are what people use; the inputs they open are hidden (display: none),
            so screen readers do not hear "choose files" and "take a photo" twice. */}
        <input
          ref={pickerRef}
          type="file"
          multiple
          accept={ACCEPT}
          hidden
          data-testid="file-picker"
          onChange={(event) => {
            addFiles(event.target.files);
            event.target.value = '';
          }}
        />
        <input
          ref={cameraRef}
          type="file"
          accept="image/*"
          capture="environment"
          hidden
          data-testid="camera-picker"
          onChange={(event) => {
            addFiles(event.target.files);
            event.target.value = '';
          }}
        />
      </div>
      {notice ? (
        <Alert tone={notice.tone} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </Alert>
      ) : null}

      {pending.length ? (
        <section aria-labelledby="pending-title" className="space-y-3">
          <h2 id="pending-title" className="text-base font-semibold">
            {t('pendingTitle')}
          </h2>
          <ul className="space-y-3">
            {pending.map((item) => (
              <li key={item.id} className="space-y-3 rounded-xl border border-slate-200 p-4" data-testid="pending-file">
                <div className="flex items-start justify-between gap-2">
                  <p className="break-all font-medium">
                    {item.file.name} <span className="text-sm font-normal text-slate-600">({size(item.file.size)})</span>
                  </p>
                  <button
                    type="button"
                    className="min-h-11 shrink-0 rounded-lg px-3 text-sm font-medium text-rose-700 hover:bg-rose-50"
                    disabled={item.status === 'uploading'}
                    onClick={() => setPending((current) => current.filter((entry) => entry.id !== item.id))}
                  >
                    {t('drop')}
                    <span className="sr-only">: {item.file.name}</span>
                  </button>
                </div>
                <SelectField
                  id={`kind-${item.id}`}
                  name=""
                  label={t('kind')}
                  value={item.kind}
                  disabled={item.status === 'uploading'}
                  onChange={(event) => edit(item, { kind: event.target.value as EvidenceKind })}
                >
                  {kinds.map((kind) => (
                    <option key={kind.id} value={kind.id}>
                      {kind.label}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  id={`label-${item.id}`}
                  name=""
                  label={t('label')}
                  maxLength={120}
                  value={item.label}
                  error={item.fieldErrors?.label}
                  disabled={item.status === 'uploading'}
                  onChange={(event) => edit(item, { label: event.target.value })}
                />
                <TextField
                  id={`author-${item.id}`}
                  name=""
                  label={t('documentAuthor')}
                  hint={t('documentAuthorHint')}
                  isOptional
                  optionalLabel={t('optional')}
                  maxLength={100}
                  value={item.documentAuthor}
                  error={item.fieldErrors?.documentAuthor}
                  disabled={item.status === 'uploading'}
                  onChange={(event) => edit(item, { documentAuthor: event.target.value })}
                />
                <TextField
                  id={`date-${item.id}`}
                  name=""
                  type="date"
                  max={today}
                  label={t('documentDate')}
                  hint={t('documentDateHint')}
                  isOptional
                  optionalLabel={t('optional')}
                  value={item.documentDate}
                  error={item.fieldErrors?.documentDate}
                  disabled={item.status === 'uploading'}
                  onChange={(event) => edit(item, { documentDate: event.target.value })}
                />
                <TextField
                  id={`note-${item.id}`}
                  name=""
                  label={t('note')}
                  maxLength={1000}
                  value={item.note}
                  disabled={item.status === 'uploading'}
                  onChange={(event) => edit(item, { note: event.target.value })}
                />
                {item.status === 'uploading' ? (
                  <div
                    role="progressbar"
                    aria-label={t('progress', { name: item.file.name })}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={item.progress}
                    className="h-3 overflow-hidden rounded-full bg-slate-200"
                  >
                    <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${item.progress}%` }} />
                  </div>
                ) : null}
                {item.status === 'error' ? (
                  <p role="alert" className="text-sm font-medium text-rose-700">
                    {item.message}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
          <Button
            type="button"
            className="w-full"
            disabled={isBusy || !pending.some((item) => item.status === 'ready')}
            onClick={() => void uploadAll()}
          >
            {isBusy ? t('uploading') : t('uploadAll')}
          </Button>
        </section>
      ) : null}

      <section aria-labelledby="uploaded-title" className="space-y-3">
        <h2 id="uploaded-title" className="text-base font-semibold">
          {t('uploadedTitle', { count: uploaded.length })}
        </h2>
        {uploaded.length === 0 ? <p className="text-sm text-slate-600">{t('none')}</p> : null}
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200" data-testid="uploaded-files">
          {uploaded.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <div className="min-w-0 space-y-0.5">
                <p className="break-all font-medium">{file.label || file.filename}</p>
                <p className="text-sm text-slate-600">
                  {kinds.find((kind) => kind.id === file.kind)?.label ?? file.kind} · {file.filename} · {size(file.byteSize)}
                  {file.pageCount ? ` · ${t('pages', { count: file.pageCount })}` : ''}
                </p>
              </div>
              <div className="flex gap-1">
                <a
                  href={file.downloadUrl}
                  className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium text-brand-700 hover:bg-brand-50"
                >
                  {t('download')}
                  <span className="sr-only">: {file.label || file.filename}</span>
                </a>
                {removable.includes(file.id) ? (
                  <button
                    type="button"
                    className="min-h-11 rounded-lg px-3 text-sm font-medium text-rose-700 hover:bg-rose-50"
                    onClick={() => void remove(file)}
                  >
                    {t('remove')}
                    <span className="sr-only">: {file.label || file.filename}</span>
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
        <p className="text-xs text-slate-500">{t('used', { used: size(usedBytes), max: size(limits.maxTotalBytes) })}</p>
      </section>
    </div>
  );
}
