import { getLocale, getTranslations } from 'next-intl/server';
import { setLocaleAction } from '@/lib/users/locale-action';
import { LOCALES } from '@/lib/i18n/config';

/** A form per language so switching works with or without JavaScript. */
export async function LanguageSwitcher() {
  const [t, current] = await Promise.all([getTranslations('common'), getLocale()]);
  return (
    <form action={setLocaleAction} className="flex items-center gap-1" aria-label={t('language')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={current === locale}
          className={`rounded-lg px-2.5 py-1.5 text-sm font-medium ${current === locale ? 'bg-brand-100 text-brand-800' : 'text-slate-600 hover:bg-slate-100'}`}
        >
          {t(`languages.${locale}`)}
        </button>
      ))}
    </form>
  );
}
