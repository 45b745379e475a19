import QRCode from 'qrcode';

/** The public case page with the campaign code the petition and sign-up record as `source`. */
export function campaignShareUrl(appUrl: string, caseSlug: string, code: string): string {
  const url = new URL(`/cases/${encodeURIComponent(caseSlug)}`, appUrl);
  url.searchParams.set('src', code);
  return url.toString();
}

/**
 * A QR code for the link as SVG, drawn on the server (crisp at any print size, no image library).
 * Error correction M survives a smudged flyer; the quiet zone is the 4 modules scanners expect.
 */
export async function renderQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#0f4744', light: '#ffffff' } });
}
