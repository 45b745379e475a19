import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { getCurrentUser } from '@/lib/auth/guards';
import { findNavigationAreas } from '@/lib/auth/home';
import { LanguageSwitcher } from './language-switcher';
import { SignOutButton } from './sign-out-button';

export async function SiteHeader() {
  const [t, user] = await Promise.all([getTranslations('common'), getCurrentUser()]);
  const areas = user ? await findNavigationAreas(await getDb(), user) : null;
  const links = [
    areas?.hasClaims || (user && !areas?.hasStaffRole && !areas?.isPlatformAdmin) ? { href: '/my', label: t('nav.myClaims') } : null,
    areas?.hasStaffRole || areas?.isPlatformAdmin ? { href: '/staff', label: t('nav.staff') } : null,
    areas?.isPlatformAdmin ? { href: '/admin', label: t('nav.admin') } : null,
  ].filter((link): link is { href: string; label: string } => link !== null);

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold text-brand-800">
          <span aria-hidden className="inline-block h-7 w-7 rounded-lg bg-brand-600 text-center leading-7 text-white">
            J
          </span>
          {t('appName')}
        </Link>
        <nav aria-label={t('nav.mainNavigation')} className="flex flex-wrap items-center gap-1">
          {links.map((link) => (
            <Link key={link.href} href={link.href} className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
              {link.label}
            </Link>
          ))}
          {user ? (
            <SignOutButton label={t('nav.signOut')} />
          ) : (
            <>
              <Link href="/sign-in" className="rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
                {t('nav.signIn')}
              </Link>
              <Link href="/sign-up" className="rounded-lg bg-brand-600 px-3 py-2 text-sm font-semibold text-white hover:bg-brand-700">
                {t('nav.signUp')}
              </Link>
            </>
          )}
          <LanguageSwitcher />
        </nav>
      </div>
    </header>
  );
}
