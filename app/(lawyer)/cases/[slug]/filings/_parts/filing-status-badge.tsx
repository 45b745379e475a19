import type { FilingStatus } from '@/db/schema';

const TONES: Record<FilingStatus, string> = {
  queued: 'bg-slate-100 text-slate-700',
  running: 'bg-sky-100 text-sky-800',
  done: 'bg-emerald-100 text-emerald-800',
  failed: 'bg-rose-100 text-rose-800',
  cancelled: 'bg-slate-200 text-slate-700',
};

export function FilingStatusBadge({ status, label }: { status: FilingStatus; label: string }) {
  return <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-medium ${TONES[status]}`}>{label}</span>;
}
