import { SignatureLinkPage } from '../link-page';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ token?: string }> };

export default async function WithdrawSignaturePage({ params, searchParams }: Props) {
  const [{ slug }, { token }] = await Promise.all([params, searchParams]);
  return <SignatureLinkPage mode="withdraw" slug={slug} token={typeof token === 'string' ? token : undefined} />;
}
