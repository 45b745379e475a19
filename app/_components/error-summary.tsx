'use client';

import { useTranslations } from 'next-intl';
import { type MouseEvent, type ReactNode, useEffect, useLayoutEffect, useRef } from 'react';

type Refusal = { ok: boolean; message?: string; fieldErrors?: Record<string, string> };

/** The control a field error belongs to, found by name in the form around the summary. */
function controlFor(summary: HTMLElement | null, name: string): HTMLElement | null {
  const form = summary?.closest('form') ?? summary?.parentElement?.querySelector('form') ?? null;
  const named = form?.elements.namedItem(name);
  const element = named instanceof RadioNodeList ? named[0] : named;
  return element instanceof HTMLElement ? element : null;
}

/**
 * What a refused save says, as GOV.UK's error summary does: a box at the top of the form that
 * takes the focus (so a screen reader reads it and the keyboard starts there), the reason, and a
 * link to each wrong field that moves the focus to it. Nothing when the last save was not refused.
 */
export function ErrorSummary({
  state,
  linkless = [],
  children,
}: {
  state: Refusal | null | undefined;
  linkless?: readonly string[];
  /** What to do about it, inside the summary (a link to reload a stale page). */
  children?: ReactNode;
}) {
  const t = useTranslations('common.errorSummary');
  const errors = useTranslations('errors');
  const ref = useRef<HTMLDivElement>(null);
  const failure = state && !state.ok ? state : null;
  const fields = Object.entries(failure?.fieldErrors ?? {});

  // Each refusal is a new state object: the focus moves to the summary every time, not only the first.
  useEffect(() => {
    if (failure) ref.current?.focus();
  }, [failure]);

  // Links point at the control's real id (forms may give a field its own id).
  useLayoutEffect(() => {
    for (const link of ref.current?.querySelectorAll<HTMLAnchorElement>('a[data-field]') ?? []) {
      const control = controlFor(ref.current, link.dataset.field ?? '');
      if (control?.id) link.href = `#${control.id}`;
    }
  }, [failure]);

  if (!failure) return null;
  const jumpTo = (event: MouseEvent<HTMLAnchorElement>, name: string) => {
    const control = controlFor(ref.current, name);
    if (!control) return;
    event.preventDefault();
    control.focus();
    (control.closest('fieldset, div') ?? control).scrollIntoView({ block: 'center' });
  };
  const messages = new Set(fields.map(([, message]) => message));
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      data-testid="error-summary"
      className="rounded-xl border-2 border-rose-700 bg-rose-50 px-4 py-3 text-sm text-rose-950 focus:outline-none focus-visible:ring-4 focus-visible:ring-amber-400"
    >
      <h2 id="error-summary-title" className="text-base font-bold">
        {fields.length ? t('title') : failure.message}
      </h2>
      {fields.length ? (
        <>
          {/* The generic "check what you typed" adds nothing to the title; a specific reason does. */}
          {failure.message && !messages.has(failure.message) && failure.message !== errors('invalid_input') ? (
            <p className="mt-1">{failure.message}</p>
          ) : null}
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {fields.map(([name, message]) =>
              linkless.includes(name) ? (
                <li key={name}>{message}</li>
              ) : (
                <li key={name}>
                  <a
                    href={`#field-${name}`}
                    data-field={name}
                    onClick={(event) => jumpTo(event, name)}
                    className="font-semibold text-rose-800 underline underline-offset-2"
                  >
                    {message}
                  </a>
                </li>
              ),
            )}
          </ul>
        </>
      ) : null}
      {children}
    </div>
  );
}
