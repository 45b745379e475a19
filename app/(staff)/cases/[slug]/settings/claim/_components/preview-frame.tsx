'use client';

import type { FormEvent, ReactNode } from 'react';

/**
 * Holds the claimant's own step form in the editor's preview: answers can be tried (conditions
 * open and close as they would), but nothing is ever sent — the submit is stopped before the
 * form's handler sees it.
 */
export function PreviewFrame({ lang, children }: { lang: 'ko' | 'en'; children: ReactNode }) {
  const stop = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div lang={lang} onSubmitCapture={stop} className="rounded-2xl border-2 border-dashed border-slate-300 p-4">
      {children}
    </div>
  );
}
