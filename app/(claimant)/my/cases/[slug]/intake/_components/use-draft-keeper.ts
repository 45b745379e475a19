'use client';

import { type RefObject, useEffect } from 'react';

type Stored = Record<string, string | string[]>;

/** Fields never kept in the browser: signatures are typed fresh, secrets never stored. */
const SKIPPED_TYPES = new Set(['password', 'file', 'submit', 'button']);
const SKIPPED_NAMES = new Set(['signerName', 'confirm', 'caseSlug']);

function collect(form: HTMLFormElement, hiddenNames: readonly string[]): Stored {
  const values: Stored = {};
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement)) continue;
    const { name } = element;
    if (!name || SKIPPED_NAMES.has(name) || name.startsWith('$ACTION')) continue;
    if (element instanceof HTMLInputElement) {
      if (SKIPPED_TYPES.has(element.type) || (element.type === 'hidden' && !hiddenNames.includes(name))) continue;
      if (element.type === 'checkbox') {
        const list = (values[name] as string[] | undefined) ?? [];
        if (element.checked) list.push(element.value);
        values[name] = list;
        continue;
      }
      if (element.type === 'radio') {
        if (element.checked) values[name] = element.value;
        else values[name] ??= '';
        continue;
      }
    }
    values[name] = element.value;
  }
  return values;
}

function restore(form: HTMLFormElement, values: Stored): void {
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement)) continue;
    const value = values[element.name];
    if (value === undefined) continue;
    if (element instanceof HTMLInputElement && element.type === 'checkbox')
      element.checked = Array.isArray(value) && value.includes(element.value);
    else if (element instanceof HTMLInputElement && element.type === 'radio') element.checked = value === element.value;
    else if (typeof value === 'string') element.value = value;
  }
}

/**
 * Keeps what is typed into a step, before it is saved, in this tab's sessionStorage: a refresh or
 * a look at the previous step loses nothing. Saving the step (submit) clears it — from then on the
 * server's draft is the truth. sessionStorage ends with the tab, so a shared computer keeps none.
 */
export function useDraftKeeper(
  formRef: RefObject<HTMLFormElement | null>,
  storageKey: string,
  options: { hiddenNames?: readonly string[]; onRestore?: (form: HTMLFormElement) => void } = {},
) {
  const { hiddenNames = [], onRestore } = options;
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    try {
      const saved = sessionStorage.getItem(storageKey);
      if (saved) {
        restore(form, JSON.parse(saved) as Stored);
        onRestore?.(form);
      }
    } catch {
      // Storage unavailable (private mode): the server draft still holds every saved step.
    }
    const persist = () => {
      try {
        sessionStorage.setItem(storageKey, JSON.stringify(collect(form, hiddenNames)));
      } catch {
        // ignore
      }
    };
    const clear = () => sessionStorage.removeItem(storageKey);
    form.addEventListener('input', persist);
    form.addEventListener('change', persist);
    form.addEventListener('joinder:persist', persist);
    form.addEventListener('submit', clear);
    // Lets end-to-end tests know the keeper is listening before they type.
    form.dataset.draftKeeper = 'on';
    return () => {
      form.removeEventListener('input', persist);
      form.removeEventListener('change', persist);
      form.removeEventListener('joinder:persist', persist);
      form.removeEventListener('submit', clear);
    };
    // The key identifies the claim and step; the callbacks are read once on mount on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storageKey]);
}

/** For state kept outside form fields (the damage items): ask the keeper to save now. */
export function requestDraftPersist(form: HTMLFormElement | null): void {
  form?.dispatchEvent(new Event('joinder:persist'));
}
