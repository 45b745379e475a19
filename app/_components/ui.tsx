import type { ComponentProps, ReactNode } from 'react';
import { ErrorSummary } from './error-summary';

/** Small shared building blocks; pages compose these instead of repeating class lists. */
export function PageHeader({ title, lead, children }: { title: string; lead?: string; children?: ReactNode }) {
  return (
    <header className="mb-6 space-y-2">
      <h1 className="text-2xl font-bold tracking-tight text-ink sm:text-3xl">{title}</h1>
      {lead ? <p className="max-w-2xl text-base text-slate-600">{lead}</p> : null}
      {children}
    </header>
  );
}

export function Card({ className = '', ...props }: ComponentProps<'section'>) {
  return <section className={`rounded-2xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6 ${className}`} {...props} />;
}

const BUTTON_STYLES = {
  primary: 'bg-brand-600 text-white hover:bg-brand-700 disabled:bg-slate-400',
  secondary: 'border border-slate-300 bg-white text-ink hover:bg-slate-50 disabled:text-slate-400',
  danger: 'bg-rose-700 text-white hover:bg-rose-800 disabled:bg-slate-400',
  ghost: 'text-brand-700 hover:bg-brand-50',
} as const;

export function buttonClass(variant: keyof typeof BUTTON_STYLES = 'primary', extra = ''): string {
  return `inline-flex min-h-11 items-center justify-center gap-2 rounded-xl px-5 py-2.5 text-base font-semibold transition-colors disabled:cursor-not-allowed ${BUTTON_STYLES[variant]} ${extra}`;
}

export function Button({
  variant = 'primary',
  className = '',
  ...props
}: ComponentProps<'button'> & { variant?: keyof typeof BUTTON_STYLES }) {
  return <button className={buttonClass(variant, className)} {...props} />;
}

/**
 * The translated reason an action was refused, with a link to each wrong field, focused when it
 * appears (components/error-summary.tsx); nothing otherwise.
 */
export function FailureAlert({
  state,
  linkless,
  children,
}: {
  state: { ok: boolean; message?: string; fieldErrors?: Record<string, string> } | null;
  /** Fields with no control to go to (a hidden version number): listed without a link. */
  linkless?: readonly string[];
  children?: ReactNode;
}) {
  return (
    <ErrorSummary state={state} linkless={linkless}>
      {children}
    </ErrorSummary>
  );
}

export function Alert({
  tone = 'info',
  children,
  ...props
}: { tone?: 'info' | 'success' | 'error' | 'warning'; children: ReactNode } & ComponentProps<'div'>) {
  const tones = {
    info: 'border-sky-200 bg-sky-50 text-sky-900',
    success: 'border-emerald-200 bg-emerald-50 text-emerald-900',
    error: 'border-rose-200 bg-rose-50 text-rose-900',
    warning: 'border-amber-200 bg-amber-50 text-amber-900',
  };
  return (
    <div className={`rounded-xl border px-4 py-3 text-sm ${tones[tone]}`} {...props}>
      {children}
    </div>
  );
}

export function StatusBadge({ status, label }: { status: string; label: string }) {
  const tones: Record<string, string> = {
    draft: 'bg-slate-100 text-slate-700',
    submitted: 'bg-sky-100 text-sky-800',
    needs_info: 'bg-amber-100 text-amber-900',
    verified: 'bg-emerald-100 text-emerald-800',
    rejected: 'bg-rose-100 text-rose-800',
    withdrawn: 'bg-slate-200 text-slate-700',
  };
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-medium ${tones[status] ?? tones.draft}`}>
      {label}
    </span>
  );
}
