/**
 * Line breaking for mixed Korean and Latin text. Korean breaks between any two syllables
 * (글자 단위), Latin words and numbers stay whole, particles stay glued to the number or word
 * before them ("1,585명", "CVE-2025-1234를"), and closing punctuation never starts a line.
 */

type Token = { text: string; isSpace: boolean };

const NO_BREAK_BEFORE = new Set(Array.from('.,;:!?)]}%」』〉》〕’”…·、。'));
const NO_BREAK_AFTER = new Set(Array.from('([{「『〈《〔‘“'));

function isWide(codePoint: number): boolean {
  return (
    (codePoint >= 0x1100 && codePoint <= 0x11ff) || // Hangul Jamo
    (codePoint >= 0x2e80 && codePoint <= 0x9fff) || // CJK radicals, punctuation, kana, ideographs
    (codePoint >= 0xa960 && codePoint <= 0xa97f) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7ff) || // Hangul syllables
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xff00 && codePoint <= 0xffef) // full-width forms
  );
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\u3000';
}

function canBreakBetween(previous: string, next: string): boolean {
  if (NO_BREAK_BEFORE.has(next) || NO_BREAK_AFTER.has(previous)) return false;
  // After a syllable anything may follow on the next line; after a Latin letter or digit only a
  // space breaks, so particles and units stay with their word ("1,585명").
  return isWide(previous.codePointAt(0) ?? 0);
}

/**
 * Splits one line of text (no newlines) into unbreakable tokens and spaces. With `wordsOnly`,
 * only spaces break (addresses, names: "(역삼동)" stays whole).
 */
export function tokenize(text: string, wordsOnly = false): Token[] {
  const tokens: Token[] = [];
  let current = '';
  let previous = '';
  for (const char of text) {
    if (isSpace(char)) {
      if (current) tokens.push({ text: current, isSpace: false });
      current = '';
      const last = tokens[tokens.length - 1];
      if (last?.isSpace) last.text += char;
      else tokens.push({ text: char, isSpace: true });
      previous = char;
      continue;
    }
    if (current && (wordsOnly || !canBreakBetween(previous, char))) {
      current += char;
    } else {
      if (current) tokens.push({ text: current, isSpace: false });
      current = char;
    }
    previous = char;
  }
  if (current) tokens.push({ text: current, isSpace: false });
  return tokens;
}

/** Breaks a token wider than a whole line at character boundaries (hashes, long URLs). */
function splitLongToken(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of text) {
    if (piece && measure(piece + char) > maxWidth) {
      pieces.push(piece);
      piece = char;
    } else {
      piece += char;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * Greedy line filling. `widthForLine(n)` gives the available width of line n (first lines may
 * be indented differently). Hard line breaks (\n) are kept; spaces at a break are dropped.
 */
export function breakLines(
  text: string,
  widthForLine: (lineIndex: number) => number,
  measure: (text: string) => number,
  wordsOnly = false,
): string[] {
  const lines: string[] = [];
  for (const hardLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    const tokens = tokenize(hardLine, wordsOnly);
    let line = '';
    let lineWidth = 0;
    let pendingSpace = '';
    const emit = () => {
      lines.push(line);
      line = '';
      lineWidth = 0;
      pendingSpace = '';
    };
    for (const token of tokens) {
      if (token.isSpace) {
        if (line) pendingSpace = token.text;
        continue;
      }
      const maxWidth = widthForLine(lines.length);
      const width = measure(token.text);
      const spaceWidth = pendingSpace ? measure(pendingSpace) : 0;
      if (lineWidth + spaceWidth + width <= maxWidth) {
        line += pendingSpace + token.text;
        lineWidth += spaceWidth + width;
        pendingSpace = '';
        continue;
      }
      if (line) emit();
      if (width <= widthForLine(lines.length)) {
        line = token.text;
        lineWidth = width;
        continue;
      }
      const pieces = splitLongToken(token.text, widthForLine(lines.length), measure);
      pieces.forEach((piece, index) => {
        line = piece;
        lineWidth = measure(piece);
        if (index < pieces.length - 1) emit();
      });
    }
    lines.push(line);
  }
  return lines;
}
