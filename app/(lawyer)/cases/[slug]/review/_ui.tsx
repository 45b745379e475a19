import type { ReactNode } from 'react';
import { Card } from '@/app/_components/ui';

/** A titled part of a review page. */
export function Section({ id, title, lead, children }: { id: string; title: string; lead?: string; children: ReactNode }) {
  return (
    <Card aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {lead ? <p className="text-sm text-slate-600">{lead}</p> : null}
      {children}
    </Card>
  );
}

/** Label–value pairs; long values (hashes, addresses) wrap instead of widening the page. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-4 gap-y-2 sm:grid-cols-[minmax(0,11rem)_1fr]">
      {items.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-sm font-medium text-slate-600">{label}</dt>
          <dd className="break-words text-sm text-ink">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A SHA-256 in a monospace block that breaks anywhere. */
export function Hash({ value }: { value: string }) {
  return <code className="block break-all font-mono text-xs text-slate-700">{value}</code>;
}
