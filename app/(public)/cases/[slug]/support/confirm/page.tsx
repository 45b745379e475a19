import { SignatureLinkPage } from '../link-page';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ token?: string }> };

export default async function ConfirmSignaturePage({ params, searchParams }: Props) {
  const [{ slug }, { token }] = await Promise.all([params, searchParams]);
  return <SignatureLinkPage mode="confirm" slug={slug} token={typeof token === 'string' ? token : undefined} />;
}
