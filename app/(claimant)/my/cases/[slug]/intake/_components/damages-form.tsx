'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { SelectField, TextField } from '@/app/_components/form-field';
import { Button, FailureAlert } from '@/app/_components/ui';
import type { ClaimantType, DamageCategory } from '@/db/schema';
import { saveDamagesAction } from '@/lib/intake/actions';
import {
  CATEGORY_FOR_HELPER,
  DAMAGE_CATEGORIES,
  type DamageCalculation,
  type DamageHelper,
  HELPER_FOR_TYPE,
  MAX_DAMAGE_ITEMS,
  computeDamage,
  helperForCategory,
} from '@/lib/intake/damage-calc';
import { StepNav } from './step-nav';
import { requestDraftPersist, useDraftKeeper } from './use-draft-keeper';
import { useActionForm } from '@/app/_components/use-action-form';

export type DamageItemDraft = { category: DamageCategory; description: string; amountKrw: string; calculation: DamageCalculation | null };
type HelperDefaults = { claimantType: ClaimantType; monthlyFeeKrw: number; seats: number; hours: number };
type Keyed = DamageItemDraft & { key: number };

/** The helper's inputs as typed (strings), keyed by field. */
type HelperInputs = Record<string, string>;

function initialHelperInputs(helper: DamageHelper, defaults: HelperDefaults, calculation: DamageCalculation | null): HelperInputs {
  if (calculation && calculation.helper === helper)
    return Object.fromEntries(
      Object.entries(calculation)
        .filter(([key]) => key !== 'helper')
        .map(([key, value]) => [key, String(value)]),
    );
  if (helper === 'pro_rata') return { monthlyFeeKrw: String(defaults.monthlyFeeKrw || ''), hours: String(defaults.hours) };
  if (helper === 'seats') return { seats: String(defaults.seats || ''), hourlyRateKrw: '', hours: String(defaults.hours) };
  return { dailySalesKrw: '', days: String(Math.round((defaults.hours / 24) * 10) / 10) };
}

const HELPER_FIELDS: Record<DamageHelper, { name: string; isMoney: boolean }[]> = {
  pro_rata: [
    { name: 'monthlyFeeKrw', isMoney: true },
    { name: 'hours', isMoney: false },
  ],
  seats: [
    { name: 'seats', isMoney: false },
    { name: 'hourlyRateKrw', isMoney: true },
    { name: 'hours', isMoney: false },
  ],
  daily_sales: [
    { name: 'dailySalesKrw', isMoney: true },
    { name: 'days', isMoney: false },
  ],
};

function toCalculation(helper: DamageHelper, inputs: HelperInputs): DamageCalculation | null {
  const cleaned = (name: string) => (inputs[name] ?? '').replace(/[,\s원₩]/g, '');
  if (HELPER_FIELDS[helper].some((field) => cleaned(field.name) === '')) return null;
  const values = Object.fromEntries(HELPER_FIELDS[helper].map((field) => [field.name, Number(cleaned(field.name))]));
  if (Object.values(values).some((value) => !Number.isFinite(value) || value < 0)) return null;
  return { helper, ...values } as DamageCalculation;
}

/** Amounts shown with thousands separators (the server reads them either way). */
function formatAmount(amount: number): string {
  return new Intl.NumberFormat('en-US').format(amount);
}

/** Keys follow the list's order, so the server's and the browser's first render agree. */
function withKeys(items: DamageItemDraft[]): Keyed[] {
  return items.map((item, index) => ({ ...item, key: index }));
}

function parseItems(raw: string | undefined): DamageItemDraft[] | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as DamageItemDraft[];
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

export function DamagesForm({
  caseSlug,
  claimantId,
  savedItems,
  helperDefaults,
  backHref,
}: {
  caseSlug: string;
  claimantId: string;
  savedItems: DamageItemDraft[];
  helperDefaults: HelperDefaults;
  backHref: string;
}) {
  const t = useTranslations('intake.damages');
  const format = useFormatter();
  const { state, isPending, formProps } = useActionForm(saveDamagesAction);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const [items, setItems] = useState<Keyed[]>(() => {
    if (savedItems.length) return withKeys(savedItems);
    const helper = HELPER_FOR_TYPE[helperDefaults.claimantType];
    const calculation = toCalculation(helper, initialHelperInputs(helper, helperDefaults, null));
    return withKeys([
      {
        category: CATEGORY_FOR_HELPER[helper],
        description: '',
        amountKrw: calculation ? formatAmount(computeDamage(calculation)) : '',
        calculation,
      },
    ]);
  });
  const shownItems = (state && !state.ok ? parseItems(state.values.items) : null) ?? null;
  const [lastShownErrorState, setLastShownErrorState] = useState(state);
  if (state !== lastShownErrorState) {
    // After a failed save, show exactly the list that was sent (it is what the errors refer to).
    setLastShownErrorState(state);
    if (shownItems) setItems(withKeys(shownItems));
  }
  const formRef = useRef<HTMLFormElement>(null);
  useDraftKeeper(formRef, `intake:${claimantId}:damages`, {
    hiddenNames: ['items'],
    onRestore: (form) => {
      const restored = parseItems((form.elements.namedItem('items') as HTMLInputElement).value);
      if (restored) setItems(withKeys(restored));
    },
  });

  const update = (key: number, change: Partial<DamageItemDraft>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...change } : item)));
    queueMicrotask(() => requestDraftPersist(formRef.current));
  };
  const total = items.reduce((sum, item) => sum + (Number(item.amountKrw.replace(/[,\s원₩]/g, '')) || 0), 0);
  const serialized = JSON.stringify(items.map(({ key: _key, ...item }) => item));

  return (
    <form ref={formRef} {...formProps} className="space-y-5" noValidate>
      <FailureAlert state={state} />
      <input type="hidden" name="caseSlug" value={caseSlug} />
      <input type="hidden" name="items" value={serialized} />
      <ol className="space-y-4">
        {items.map((item, index) => (
          <li key={item.key}>
            <DamageItemCard
              index={index}
              item={item}
              helperDefaults={helperDefaults}
              errors={errors}
              onChange={(change) => update(item.key, change)}
              onRemove={items.length > 1 ? () => setItems((current) => current.filter((other) => other.key !== item.key)) : undefined}
            />
          </li>
        ))}
      </ol>
      {items.length < MAX_DAMAGE_ITEMS ? (
        <Button
          type="button"
          variant="secondary"
          className="w-full"
          onClick={() =>
            setItems((current) => [
              ...current,
              {
                category: 'other',
                description: '',
                amountKrw: '',
                calculation: null,
                key: Math.max(-1, ...current.map((item) => item.key)) + 1,
              },
            ])
          }
        >
          {t('addItem')}
        </Button>
      ) : null}
      <p className="rounded-xl bg-brand-50 p-4 text-lg font-semibold text-brand-800" aria-live="polite" data-testid="damages-total">
        {t('total', { amount: format.number(total) })}
      </p>
      <StepNav backHref={backHref} isPending={isPending} />
    </form>
  );
}

function DamageItemCard({
  index,
  item,
  helperDefaults,
  errors,
  onChange,
  onRemove,
}: {
  index: number;
  item: Keyed;
  helperDefaults: HelperDefaults;
  errors: Record<string, string>;
  onChange: (change: Partial<DamageItemDraft>) => void;
  onRemove?: () => void;
}) {
  const t = useTranslations('intake.damages');
  const format = useFormatter();
  const helper = helperForCategory(item.category);
  const [inputs, setInputs] = useState<HelperInputs>(() => (helper ? initialHelperInputs(helper, helperDefaults, item.calculation) : {}));
  const prefix = `items.${index}`;
  const id = (name: string) => `item-${item.key}-${name}`;
  const amount = Number(item.amountKrw.replace(/[,\s원₩]/g, ''));

  const applyHelper = () => {
    if (!helper) return;
    const calculation = toCalculation(helper, inputs);
    if (calculation) onChange({ calculation, amountKrw: formatAmount(computeDamage(calculation)) });
  };

  return (
    <section aria-labelledby={id('title')} className="space-y-4 rounded-xl border border-slate-200 p-4">
      <div className="flex items-center justify-between gap-2">
        <h2 id={id('title')} className="text-base font-semibold">
          {t('itemTitle', { number: index + 1 })}
        </h2>
        {onRemove ? (
          <button type="button" onClick={onRemove} className="min-h-11 rounded-lg px-3 text-sm font-medium text-rose-700 hover:bg-rose-50">
            {t('removeItem', { number: index + 1 })}
          </button>
        ) : null}
      </div>
      <SelectField
        id={id('category')}
        name=""
        label={t('category')}
        value={item.category}
        error={errors[`${prefix}.category`]}
        onChange={(event) => {
          const category = event.target.value as DamageCategory;
          const nextHelper = helperForCategory(category);
          if (nextHelper) setInputs(initialHelperInputs(nextHelper, helperDefaults, null));
          onChange({ category, calculation: null });
        }}
      >
        {DAMAGE_CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {t(`categories.${category}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        id={id('description')}
        name=""
        label={t('description')}
        hint={t('descriptionHint')}
        value={item.description}
        maxLength={300}
        error={errors[`${prefix}.description`]}
        onChange={(event) => onChange({ description: event.target.value })}
      />
      {helper ? (
        <fieldset className="space-y-3 rounded-xl border border-slate-200 bg-slate-50 p-3">
          <legend className="px-1 text-sm font-semibold text-slate-800">{t(`helpers.${helper}.title`)}</legend>
          <p className="text-sm text-slate-600">{t(`helpers.${helper}.explain`)}</p>
          <div className="grid gap-3 sm:grid-cols-3">
            {HELPER_FIELDS[helper].map((field) => (
              <TextField
                key={field.name}
                id={id(field.name)}
                name=""
                label={t(`helpers.fields.${field.name}`)}
                inputMode={field.isMoney ? 'numeric' : 'decimal'}
                value={inputs[field.name] ?? ''}
                error={errors[`${prefix}.calculation.${field.name}`]}
                onChange={(event) => setInputs((current) => ({ ...current, [field.name]: event.target.value }))}
              />
            ))}
          </div>
          <Button type="button" variant="secondary" className="w-full" onClick={applyHelper}>
            {t('applyHelper')}
          </Button>
        </fieldset>
      ) : null}
      <TextField
        id={id('amount')}
        name=""
        label={t('amount')}
        hint={
          item.calculation
            ? t('amountFromHelper')
            : Number.isFinite(amount) && amount > 0
              ? t('amountReads', { amount: format.number(amount) })
              : t('amountHint')
        }
        inputMode="numeric"
        value={item.amountKrw}
        error={errors[`${prefix}.amountKrw`]}
        onChange={(event) => onChange({ amountKrw: event.target.value, calculation: null })}
      />
    </section>
  );
}
