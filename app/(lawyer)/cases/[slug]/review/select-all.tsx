'use client';

/** Ticks every claim checkbox of the bulk form on this page (and tells the form the selection changed). */
export function SelectAllCheckbox({ label }: { label: string }) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      className="h-5 w-5 accent-brand-600"
      onChange={(event) => {
        for (const box of document.querySelectorAll<HTMLInputElement>('input[name="items"][form="bulk-form"]')) {
          box.checked = event.currentTarget.checked;
        }
        document.dispatchEvent(new Event('review-selection-changed'));
      }}
    />
  );
}
