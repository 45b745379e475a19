import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Test helpers around poppler-utils (pdftotext, pdffonts, pdftoppm), when installed. */

export const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;

function withFile<T>(bytes: Uint8Array, run: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'joinder-pdf-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, bytes);
  try {
    return run(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Text of the whole document, or of one 1-based page, in content-stream order (-raw); no-break
 * spaces become plain spaces.
 */
export function pdfText(bytes: Uint8Array, page?: number): string {
  return withFile(bytes, (file) => {
    const range = page ? ['-f', String(page), '-l', String(page)] : [];
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', ...range, file, '-'], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    }).replace(/\u00a0/g, ' ');
  });
}

/** One text per page (pdftotext separates pages with form feeds). */
export function pdfPageTexts(bytes: Uint8Array): string[] {
  return pdfText(bytes).split('\f').slice(0, -1);
}

export type FontRow = { name: string; type: string; embedded: boolean; subset: boolean; unicode: boolean };

export function pdfFonts(bytes: Uint8Array): FontRow[] {
  const output = withFile(bytes, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return output
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const flags = line.trim().split(/\s+/).slice(-5, -2);
      return {
        name: line.split(/\s+/)[0],
        type: line.slice(37, 55).trim(),
        embedded: flags[0] === 'yes',
        subset: flags[1] === 'yes',
        unicode: flags[2] === 'yes',
      };
    });
}

/** Renders one page to an 8-bit grey PNG at `dpi` and returns its bytes. */
export function rasterizePage(bytes: Uint8Array, page: number, dpi: number): Buffer {
  return withFile(bytes, (file) => {
    const prefix = path.join(path.dirname(file), 'page');
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
    return fs.readFileSync(`${prefix}.png`);
  });
}

export type WordBox = { page: number; text: string; xMin: number; yMin: number; xMax: number; yMax: number };

/** Every word with its box in points from the top-left corner (pdftotext -bbox). */
export function pdfWordBoxes(bytes: Uint8Array): WordBox[] {
  return withFile(bytes, (file) => {
    const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const words: WordBox[] = [];
    let page = 0;
    for (const line of html.split('\n')) {
      if (line.includes('<page ')) page++;
      const match = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
      if (match)
        words.push({
          page,
          xMin: Number(match[1]),
          yMin: Number(match[2]),
          xMax: Number(match[3]),
          yMax: Number(match[4]),
          text: match[5]
            .replace(/&amp;/g, '&')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"'),
        });
    }
    return words;
  });
}

/** Pairs of boxes that overlap (touching edges do not count). */
export function overlappingPairs<T extends { xMin: number; yMin: number; xMax: number; yMax: number }>(boxes: readonly T[]): [T, T][] {
  const pairs: [T, T][] = [];
  boxes.forEach((a, index) => {
    for (const b of boxes.slice(index + 1)) {
      if (a.xMin < b.xMax - 0.01 && b.xMin < a.xMax - 0.01 && a.yMin < b.yMax - 0.01 && b.yMin < a.yMax - 0.01) pairs.push([a, b]);
    }
  });
  return pairs;
}
