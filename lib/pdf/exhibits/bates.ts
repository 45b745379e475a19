import type { BatesSpec } from '../types';

export const DEFAULT_BATES_DIGITS = 6;

/** "SLM-000123" for running number 123. */
export function batesLabel(spec: BatesSpec, number: number): string {
  const digits = spec.digits ?? DEFAULT_BATES_DIGITS;
  const separator = spec.prefix.endsWith('-') || spec.prefix === '' ? '' : '-';
  return `${spec.prefix}${separator}${String(number).padStart(digits, '0')}`;
}

/** The running number of a Bates label, or null when it does not have the spec's prefix. */
export function parseBates(spec: BatesSpec, label: string): number | null {
  const match = /(\d+)$/.exec(label.trim());
  if (!match || !label.trim().startsWith(spec.prefix)) return null;
  return Number(match[1]);
}
