import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireUser } from '@/lib/auth/guards';
import { findNavigationAreas, homePathFor } from '@/lib/auth/home';
import { guardPage } from '@/lib/auth/page-guard';

/** Lands each signed-in user on their role's home. */
export default async function HomeRedirectPage() {
  const user = await guardPage(() => requireUser(), '/home');
  redirect(homePathFor(await findNavigationAreas(await getDb(), user)));
}
