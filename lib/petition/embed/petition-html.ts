import type { Locale } from '@/lib/i18n/config';
import { getTranslator } from '@/lib/i18n/translator';

/**
 * The petition as one small HTML document, for partner sites: framed in an iframe (`embed`) or,
 * after a partner's own form post was refused, shown on our site (`page`) with what was typed
 * and what was wrong. Plain HTML that works without JavaScript; the only script (nonce) keeps the
 * count live. Every value is escaped; nothing about another person is shown.
 */
export type PetitionHtmlInput = {
  variant: 'embed' | 'page';
  locale: Locale;
  caseSlug: string;
  caseTitle: string;
  /** Signatures counted now (withdrawals subtracted), as the public counter shows. */
  count: number;
  consent: { title: string; body: string; version: number };
  /** The case's region list (시·도, or U.S. states) with names in the document's language. */
  regions: readonly { code: string; name: string }[];
  nonce: string;
  status?: 'signed';
  values?: Record<string, string>;
  errors?: Record<string, string>;
  message?: string;
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:16px/1.5 Pretendard,'Apple SD Gothic Neo','Malgun Gothic','Noto Sans KR',sans-serif;color:#0f172a;background:#fff}
main{max-width:34rem;margin:0 auto;padding:16px}h1{font-size:1.15rem;margin:0 0 4px}p{margin:4px 0}
.count{font-weight:700;color:#0f4744}label{display:block;font-weight:600;font-size:.9rem;margin-top:10px}
input,select{display:block;width:100%;min-height:44px;margin-top:4px;padding:8px 12px;border:1px solid #64748b;border-radius:10px;font:inherit;background:#fff}
input[aria-invalid=true],select[aria-invalid=true]{border-color:#be123c}.check{display:flex;gap:10px;align-items:flex-start;font-weight:400}
.check input{width:20px;min-height:20px;margin-top:3px;flex:none}.error{color:#9f1239;font-size:.9rem;font-weight:600;margin:2px 0}
.summary{border:2px solid #9f1239;background:#fff1f2;border-radius:10px;padding:10px 12px;margin:10px 0}
.summary a{color:#9f1239;font-weight:600}.done{border:1px solid #047857;background:#ecfdf5;border-radius:10px;padding:10px 12px;margin:10px 0}
details{margin-top:10px;font-size:.9rem}details div{white-space:pre-wrap;max-height:10rem;overflow:auto;background:#f8fafc;padding:8px;border-radius:8px}
button{margin-top:14px;min-height:44px;width:100%;border:0;border-radius:10px;background:#0f4744;color:#fff;font:inherit;font-weight:700;padding:10px 16px;cursor:pointer}
a{color:#0f4744}:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}small{display:block;color:#475569;margin-top:10px;font-size:.8rem}`;

export function renderPetitionHtml(input: PetitionHtmlInput): string {
  const t = getTranslator(input.locale) as unknown as (key: string, params?: Record<string, string | number>) => string;
  const e = escapeHtml;
  const values = input.values ?? {};
  const errors = input.errors ?? {};
  const action = `/api/cases/${encodeURIComponent(input.caseSlug)}/support`;
  const caseUrl = `/cases/${encodeURIComponent(input.caseSlug)}?lang=${input.locale}`;
  const number = new Intl.NumberFormat(input.locale === 'ko' ? 'ko-KR' : 'en-US');
  const countText = t('petition.embed.count', { count: number.format(input.count) });
  const field = (name: string, label: string, control: string, hint?: string) => {
    const error = errors[name];
    const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
    return (
      `<label for="${name}">${e(label)}</label>` +
      control.replace('{a}', `${describedBy ? ` aria-describedby="${describedBy}"` : ''}${error ? ' aria-invalid="true"' : ''}`) +
      (hint ? `<p id="${name}-hint"><small>${e(hint)}</small></p>` : '') +
      (error ? `<p class="error" id="${name}-error">${e(error)}</p>` : '')
    );
  };
  const text = (name: string, type: string, autocomplete: string, extra = '') =>
    `<input id="${name}" name="${name}" type="${type}" autocomplete="${autocomplete}" value="${e(values[name] ?? '')}" ${extra}{a}>`;
  const regionOptions = [
    `<option value="">${e(t('petition.form.regionNone'))}</option>`,
    ...input.regions.map(
      (region) => `<option value="${e(region.code)}"${values.region === region.code ? ' selected' : ''}>${e(region.name)}</option>`,
    ),
  ].join('');

  const errorList = Object.entries(errors);
  const summary = errorList.length
    ? `<div class="summary" role="alert" tabindex="-1" id="error-summary"><p><strong>${e(t('common.errorSummary.title'))}</strong></p><ul>${errorList
        .map(([name, message]) => `<li><a href="#${e(name)}">${e(message)}</a></li>`)
        .join('')}</ul></div>`
    : input.message
      ? `<div class="summary" role="alert" tabindex="-1" id="error-summary"><p>${e(input.message)}</p></div>`
      : '';

  const body = input.status
    ? `<div class="done" role="status"><p><strong>${e(t('petition.form.signedTitle'))}</strong></p><p>${e(
        t('petition.form.signedBody'),
      )}</p></div><p><a href="${e(caseUrl)}" target="_blank" rel="noopener">${e(t('petition.embed.moreAboutCase'))}</a></p>`
    : `${summary}<form method="post" action="${e(action)}" novalidate>
<input type="hidden" name="locale" value="${input.locale}"><input type="hidden" name="embed" value="${input.variant === 'embed' ? '1' : ''}">
${values.return ? `<input type="hidden" name="return" value="${e(values.return)}">` : ''}${values.source ? `<input type="hidden" name="source" value="${e(values.source)}">` : ''}
${field('name', t('petition.form.name'), text('name', 'text', 'name', 'maxlength="100" required'))}
${field('email', t('petition.form.email'), text('email', 'email', 'email', 'maxlength="254" required'))}
${field('region', t('petition.form.region'), `<select id="region" name="region"{a}>${regionOptions}</select>`)}
<details><summary>${e(input.consent.title)} (${e(t('petition.form.version', { version: input.consent.version }))})</summary><div>${e(input.consent.body)}</div></details>
<label class="check" for="privacyConsent"><input id="privacyConsent" name="privacyConsent" type="checkbox" value="on"${values.privacyConsent === 'on' ? ' checked' : ''}${
        errors.privacyConsent ? ' aria-invalid="true" aria-describedby="privacyConsent-error"' : ''
      }><span>${e(t('petition.form.consent'))}</span></label>${errors.privacyConsent ? `<p class="error" id="privacyConsent-error">${e(errors.privacyConsent)}</p>` : ''}
<label class="check" for="updatesConsent"><input id="updatesConsent" name="updatesConsent" type="checkbox" value="on"${values.updatesConsent === 'on' ? ' checked' : ''}><span>${e(t('petition.form.updatesConsent'))}</span></label>
<button type="submit">${e(t('petition.form.submit'))}</button></form>`;

  const live =
    input.variant === 'embed'
      ? `<script nonce="${e(input.nonce)}">(function(){var el=document.getElementById('count');var url=${JSON.stringify(`/api/cases/${encodeURIComponent(input.caseSlug)}/stats`)};var fmt=new Intl.NumberFormat(${JSON.stringify(input.locale === 'ko' ? 'ko-KR' : 'en-US')});var tpl=${JSON.stringify(t('petition.embed.count', { count: '#' }))};function tick(){fetch(url,{cache:'no-store'}).then(function(r){return r.ok?r.json():null}).then(function(s){if(s&&s.supporters)el.textContent=tpl.replace('#',fmt.format(s.supporters.signed))}).catch(function(){})}setInterval(tick,15000);var f=document.getElementById('error-summary');if(f)f.focus();})();</script>`
      : `<script nonce="${e(input.nonce)}">(function(){var f=document.getElementById('error-summary');if(f)f.focus();})();</script>`;

  return `<!doctype html><html lang="${input.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${e(t('petition.form.title'))} · ${e(input.caseTitle)}</title><style>${STYLE}</style></head><body><main>
<h1>${e(input.caseTitle)}</h1><p aria-live="polite"><span class="count" id="count">${e(countText)}</span></p>
${input.status ? '' : `<p>${e(t('petition.form.lead'))}</p>`}${body}
<small>${e(t('petition.embed.poweredBy'))} · <a href="${e(caseUrl)}" target="_blank" rel="noopener">${e(t('petition.embed.caseLink'))}</a></small>
</main>${live}</body></html>`;
}
