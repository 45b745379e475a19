'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { SelectField, TextField } from '@/app/_components/form-field';
import { Button, FailureAlert } from '@/app/_components/ui';
import { useActionForm } from '@/app/_components/use-action-form';
import { applicableDamageCategories, computeDamages, type DamageItemInput } from '@/lib/claims/damages';
import type { ClaimDefinition } from '@/lib/claims/definition-schema';
import { formatMoney } from '@/lib/claims/format';
import type { ClaimState } from '@/lib/claims/types';
import type { Locale } from '@/lib/i18n/config';
import { saveDamagesAction } from '@/lib/intake/actions';
import { StepNav } from './step-nav';
import { requestDraftPersist, useDraftKeeper } from './use-draft-keeper';

/** One item as the form holds it: the amount typed, or a helper with its inputs typed. */
type Draft = { key: number; category: string; description: string; amount: string; helper: string; inputs: Record<string, string> };

function toDrafts(items: DamageItemInput[]): Draft[] {
  return items.map((item, key) => ({
    key,
    category: item.category,
    description: item.description ?? '',
    amount: item.calculation ? '' : String(item.amount ?? ''),
    helper: item.calculation?.helper ?? '',
    inputs: Object.fromEntries(Object.entries(item.calculation?.inputs ?? {}).map(([id, value]) => [id, String(value)])),
  }));
}

function toInputs(drafts: Draft[]): DamageItemInput[] {
  return drafts.map((draft) => ({
    category: draft.category,
    description: draft.description,
    amount: draft.helper ? undefined : draft.amount,
    calculation: draft.helper ? { helper: draft.helper, inputs: draft.inputs } : null,
  }));
}

/**
 * Damages from the case's definition: the fixed amounts counsel set (위자료 per person) are shown
 * as they apply; the claimant adds their own items, typed or worked out with a helper formula.
 * The total here is a preview; the server computes it again from the inputs on save.
 */
export function DamagesForm({
  caseSlug,
  claimantId,
  definition,
  state: claim,
  savedItems,
  helperDefaults,
  locale,
  backHref,
}: {
  caseSlug: string;
  claimantId: string;
  definition: ClaimDefinition;
  state: ClaimState;
  savedItems: DamageItemInput[];
  /** First values of each helper's inputs from the answers, by helper id. */
  helperDefaults: Record<string, Record<string, number>>;
  locale: Locale;
  backHref: string;
}) {
  const t = useTranslations('intake.damages');
  const { state, isPending, formProps } = useActionForm(saveDamagesAction);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const restored = state && !state.ok && state.values.items ? safeParse(state.values.items) : null;
  const [drafts, setDrafts] = useState<Draft[]>(() => toDrafts(restored ?? savedItems));
  const nextKey = useRef(drafts.length);
  const formRef = useRef<HTMLFormElement>(null);
  useDraftKeeper(formRef, `intake:${claimantId}:damages`, {
    hiddenNames: ['items'],
    onRestore: (form) => {
      const kept = safeParse((form.elements.namedItem('items') as HTMLInputElement | null)?.value);
      if (kept) setDrafts(toDrafts(kept));
    },
  });
  const categories = applicableDamageCategories(definition, claim);
  const itemised = categories.filter((category) => category.mode === 'itemised');
  const preview = computeDamages(definition, claim, toInputs(drafts));
  const money = (amount: number) => formatMoney(amount, definition.currency, locale);
  const update = (key: number, change: Partial<Draft>) => {
    setDrafts((current) => current.map((draft) => (draft.key === key ? { ...draft, ...change } : draft)));
    requestDraftPersist(formRef.current);
  };
  const helpersFor = (category: string) => definition.damages.helpers.filter((helper) => helper.category === category);

  return (
    <form ref={formRef} {...formProps} className="space-y-6" noValidate>
      <FailureAlert state={state} />
      <input type="hidden" name="caseSlug" value={caseSlug} />
      <input type="hidden" name="items" value={JSON.stringify(toInputs(drafts))} />
      {preview.items.some((item) => item.source === 'fixed') ? (
        <ul className="space-y-2" aria-label={t('fixedTitle')}>
          {preview.items
            .filter((item) => item.source === 'fixed')
            .map((item) => (
              <li key={item.category} className="rounded-xl bg-brand-50 p-3 text-sm text-brand-900">
                {categories.find((category) => category.id === item.category)?.label[locale]}: <strong>{money(item.amount)}</strong>{' '}
                {t('fixedNote')}
              </li>
            ))}
        </ul>
      ) : null}
      {drafts.map((draft, index) => {
        const helper = definition.damages.helpers.find((item) => item.id === draft.helper);
        const field = (name: string) => errors[`items.${index}.${name}`];
        return (
          <fieldset key={draft.key} className="space-y-4 rounded-xl border border-slate-200 p-4">
            <legend className="px-1 text-sm font-semibold text-slate-800">{t('itemLegend', { n: index + 1 })}</legend>
            <SelectField
              name={`item-${draft.key}-category`}
              label={t('category')}
              value={draft.category}
              error={field('category')}
              onChange={(event) => update(draft.key, { category: event.target.value, helper: '', inputs: {} })}
            >
              {itemised.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.label[locale]}
                </option>
              ))}
            </SelectField>
            <TextField
              name={`item-${draft.key}-description`}
              label={t('description')}
              value={draft.description}
              maxLength={300}
              error={field('description')}
              onChange={(event) => update(draft.key, { description: event.target.value })}
            />
            {helpersFor(draft.category).length > 0 ? (
              <SelectField
                name={`item-${draft.key}-helper`}
                label={t('helper')}
                value={draft.helper}
                onChange={(event) => {
                  const chosen = event.target.value;
                  const defaults = helperDefaults[chosen] ?? {};
                  update(draft.key, {
                    helper: chosen,
                    inputs: Object.fromEntries(Object.entries(defaults).map(([id, v]) => [id, String(v)])),
                  });
                }}
              >
                <option value="">{t('typeAmount')}</option>
                {helpersFor(draft.category).map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.label[locale]}
                  </option>
                ))}
              </SelectField>
            ) : null}
            {helper ? (
              <div className="space-y-3">
                {helper.explain ? <p className="text-sm text-slate-600">{helper.explain[locale]}</p> : null}
                {helper.inputs.map((input) => (
                  <TextField
                    key={input.id}
                    name={`item-${draft.key}-${input.id}`}
                    label={input.label[locale]}
                    inputMode="decimal"
                    value={draft.inputs[input.id] ?? ''}
                    error={field(`inputs.${input.id}`)}
                    onChange={(event) => update(draft.key, { inputs: { ...draft.inputs, [input.id]: event.target.value } })}
                  />
                ))}
              </div>
            ) : (
              <TextField
                name={`item-${draft.key}-amount`}
                label={t('amount', { currency: definition.currency })}
                inputMode="numeric"
                value={draft.amount}
                error={field('amount')}
                onChange={(event) => update(draft.key, { amount: event.target.value })}
              />
            )}
            <Button
              type="button"
              variant="secondary"
              onClick={() => {
                setDrafts((current) => current.filter((item) => item.key !== draft.key));
                requestDraftPersist(formRef.current);
              }}
            >
              {t('remove')}
            </Button>
          </fieldset>
        );
      })}
      {itemised.length > 0 && drafts.length < definition.damages.maxItems ? (
        <Button
          type="button"
          variant="secondary"
          onClick={() => {
            setDrafts((current) => [
              ...current,
              { key: nextKey.current++, category: itemised[0].id, description: '', amount: '', helper: '', inputs: {} },
            ]);
            requestDraftPersist(formRef.current);
          }}
        >
          {t('add')}
        </Button>
      ) : null}
      {errors.items ? <p className="text-sm font-medium text-rose-700">{errors.items}</p> : null}
      <p className="text-lg font-semibold text-ink" aria-live="polite">
        {t('total')}: <span data-testid="damages-total">{money(preview.total)}</span>
      </p>
      <StepNav backHref={backHref} isPending={isPending} />
    </form>
  );
}

function safeParse(raw: string | undefined): DamageItemInput[] | null {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? (parsed as DamageItemInput[]) : null;
  } catch {
    return null;
  }
}
