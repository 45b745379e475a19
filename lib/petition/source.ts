/**
 * Where a signature came from, for the organizers' campaign figures: the `?src=` code of the link
 * when there is one, else the host of the referring site (never the full URL, which may carry
 * personal data in its query). Our own pages are not a source.
 */
export function normalizeSource(value: string | null | undefined): string | undefined {
  const cleaned = (value ?? '')
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, 64);
  return cleaned || undefined;
}

export function resolveCampaignSource(input: {
  src?: string | null;
  referer?: string | null;
  ownHost?: string | null;
}): string | undefined {
  const fromCode = normalizeSource(input.src);
  if (fromCode) return fromCode;
  if (!input.referer) return undefined;
  try {
    const host = new URL(input.referer).hostname.replace(/^www\./, '');
    const ownHost = (input.ownHost ?? '').split(':')[0].replace(/^www\./, '');
    if (!host || host === ownHost) return undefined;
    return normalizeSource(host);
  } catch {
    return undefined;
  }
}
