import { describe, expect, it } from 'vitest';
import { renderDeclaration } from '../declaration';
import { hasPoppler, pdfPageTexts } from '../__fixtures__/poppler';
import { SAMPLE_CASE } from '../__fixtures__/sample-case';
import { DEMO_NOW, demoClaimants } from '../__fixtures__/synthetic-claimants';
import { Flow } from './flow';
import { PdfBuilder } from './pdf-builder';
import { documentStyles } from './styles';
import { splitRepeatedTitle } from './plain-text';

const squeeze = (text: string) => text.replace(/\s+/g, '');
const meta = { title: 'flow', language: 'ko' as const, createdAt: DEMO_NOW };

describe('Flow: keep with next', () => {
  it.skipIf(!hasPoppler)('moves a heading that would end a page to the next one, with the text it belongs to', async () => {
    const builder = await PdfBuilder.create('kr', meta);
    const styles = documentStyles(builder);
    const flow = new Flow(builder);
    // Fill the page until one heading line fits, but not the heading and two lines of its text.
    let filler = 0;
    const headingHeight = styles.heading.spaceBefore! + styles.heading.leading + styles.heading.spaceAfter!;
    while (flow.remaining > headingHeight + styles.body.leading * 1.25)
      flow.paragraph(`채움 문단 ${++filler}`, { ...styles.body, spaceAfter: 0 });
    flow.paragraph('청 구 취 지', styles.heading);
    flow.paragraph('1. 피고들은 연대하여 원고들에게 돈을 지급하라.', styles.body);
    const pages = pdfPageTexts(await builder.save()).map(squeeze);
    expect(pages).toHaveLength(2);
    expect(pages[0]).not.toContain('청구취지');
    expect(pages[1].startsWith('청구취지1.피고들은')).toBe(true);
  });

  it.skipIf(!hasPoppler)('draws kept content at the end of a document even when nothing follows it', async () => {
    const builder = await PdfBuilder.create('kr', meta);
    const styles = documentStyles(builder);
    const flow = new Flow(builder);
    flow.paragraph('본문', styles.body);
    flow.paragraph('마지막 제목', styles.heading);
    expect(squeeze(pdfPageTexts(await builder.save()).join(''))).toContain('마지막제목');
  });
});

describe('the 진술서', () => {
  const statementText = [
    '진술서 (보안 패치 적용 상태)',
    '',
    '사건: 1·25 인터넷 대란 손해배상 공동소송',
    '진술인: 홍길동 (가정 가입자)',
    '',
    '1. 인터넷 회선과 장애',
    '진술인은 2003년 1월 25일 당시 다음 인터넷 회선을 이용하였습니다: KT, ADSL.',
    '',
    '2. 보안 패치',
    '- MS02-039 패치: 해당 없음',
    '- MS02-061 패치: 해당 없음',
    '',
    '위 내용은 사실과 다름없습니다.',
  ].join('\n');

  it.skipIf(!hasPoppler)('does not repeat its own title, and keeps every line of what was signed', async () => {
    const lead = demoClaimants(1)[0];
    const claimant = { ...lead, statement: { ...lead.statement!, text: statementText } };
    const text = squeeze(
      pdfPageTexts(await renderDeclaration({ case: SAMPLE_CASE, claimant }, { format: 'kr', language: 'ko', now: DEMO_NOW })).join(''),
    );
    expect(text.match(/진술서/g)).toHaveLength(1);
    expect(text).toContain('진술서(보안패치적용상태)');
    for (const line of statementText.split('\n').slice(1).filter(Boolean)) expect(text).toContain(squeeze(line));
  });

  it.skipIf(!hasPoppler)('never leaves the signature and its record alone on a page', async () => {
    const lead = demoClaimants(1)[0];
    for (let items = 1; items <= 24; items++) {
      const damages = Array.from({ length: items }, (_, index) => ({
        category: 'other' as const,
        description: `손해 항목 ${index + 1}`,
        amountKrw: 10_000,
      }));
      const claimant = { ...lead, damages: { items: damages, totalKrw: 10_000 * items } };
      const pages = pdfPageTexts(
        await renderDeclaration({ case: SAMPLE_CASE, claimant }, { format: 'kr', language: 'ko', now: DEMO_NOW }),
      ).map(squeeze);
      const withRecord = pages.find((page) => page.includes('전자서명기록'))!;
      // The affirmation, the signer and the record box stand together.
      expect(withRecord, `${items} damage items`).toContain(squeeze('위 진술 내용은 사실과 다름이 없음을'));
      expect(withRecord, `${items} damage items`).toContain('진술인홍길동');
    }
  });
});

describe('splitRepeatedTitle', () => {
  it('takes a first line that repeats the title, spaces aside, as a subtitle', () => {
    expect(splitRepeatedTitle('진술서 (보안 패치)\n\n본문', '진    술    서')).toEqual({ subtitle: '(보안 패치)', body: '본문' });
    expect(splitRepeatedTitle('진 술 서\n본문', '진술서')).toEqual({ subtitle: null, body: '본문' });
    expect(splitRepeatedTitle('저는 서울에 삽니다.', '진술서')).toEqual({ subtitle: null, body: '저는 서울에 삽니다.' });
  });
});
