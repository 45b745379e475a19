/**
 * A small reader for page content streams: enough of the operator language (PDF 32000-1, 8–9)
 * to find where text is drawn. It tracks the CTM (q/Q/cm), the text matrices (BT, Tm, Td, TD,
 * T*, TL) and marked-content artifacts (/Artifact BMC … EMC: page numbers and stamps).
 */

type Matrix = [number, number, number, number, number, number];

export type TextPlacement = { x: number; y: number; isArtifact: boolean };

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set(Array.from('()<>[]{}/%').map((char) => char.charCodeAt(0)));

function multiply(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[1] * b[2],
    a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2],
    a[2] * b[1] + a[3] * b[3],
    a[4] * b[0] + a[5] * b[2] + b[4],
    a[4] * b[1] + a[5] * b[3] + b[5],
  ];
}

function translate(tx: number, ty: number, m: Matrix): Matrix {
  return multiply([1, 0, 0, 1, tx, ty], m);
}

type Operand = number | string | null;

/** Every text-showing operator's origin in default user space. */
export function scanText(content: Uint8Array): TextPlacement[] {
  const placements: TextPlacement[] = [];
  const stack: Operand[] = [];
  const saved: Matrix[] = [];
  const marks: boolean[] = [];
  let ctm: Matrix = IDENTITY;
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let leading = 0;
  let pos = 0;
  const length = content.length;
  const numbers = (count: number) => stack.slice(-count).map((value) => (typeof value === 'number' ? value : 0));
  const show = () => {
    const [x, y] = [tm[4] * ctm[0] + tm[5] * ctm[2] + ctm[4], tm[4] * ctm[1] + tm[5] * ctm[3] + ctm[5]];
    placements.push({ x, y, isArtifact: marks.includes(true) });
  };
  const nextLine = () => {
    tlm = translate(0, -leading, tlm);
    tm = tlm;
  };
  while (pos < length) {
    const byte = content[pos];
    if (WHITESPACE.has(byte)) {
      pos++;
    } else if (byte === 0x25) {
      while (pos < length && content[pos] !== 0x0a && content[pos] !== 0x0d) pos++;
    } else if (byte === 0x28) {
      let depth = 0;
      do {
        if (content[pos] === 0x5c) pos++;
        else if (content[pos] === 0x28) depth++;
        else if (content[pos] === 0x29) depth--;
        pos++;
      } while (pos < length && depth > 0);
      stack.push(null);
    } else if (byte === 0x3c && content[pos + 1] === 0x3c) {
      let depth = 0;
      do {
        if (content[pos] === 0x3c && content[pos + 1] === 0x3c) {
          depth++;
          pos += 2;
        } else if (content[pos] === 0x3e && content[pos + 1] === 0x3e) {
          depth--;
          pos += 2;
        } else pos++;
      } while (pos < length && depth > 0);
      stack.push(null);
    } else if (byte === 0x3c) {
      while (pos < length && content[pos] !== 0x3e) pos++;
      pos++;
      stack.push(null);
    } else if (byte === 0x5b || byte === 0x5d || byte === 0x7b || byte === 0x7d) {
      pos++;
    } else if (byte === 0x2f) {
      const start = ++pos;
      while (pos < length && !WHITESPACE.has(content[pos]) && !DELIMITERS.has(content[pos])) pos++;
      stack.push(`/${Buffer.from(content.subarray(start, pos)).toString('latin1')}`);
    } else {
      const start = pos;
      while (pos < length && !WHITESPACE.has(content[pos]) && !DELIMITERS.has(content[pos])) pos++;
      if (pos === start) {
        pos++;
        continue;
      }
      const word = Buffer.from(content.subarray(start, pos)).toString('latin1');
      const value = Number(word);
      if (!Number.isNaN(value) && /^[+\-.\d]/.test(word)) {
        stack.push(value);
        continue;
      }
      switch (word) {
        case 'q':
          saved.push(ctm);
          break;
        case 'Q':
          ctm = saved.pop() ?? IDENTITY;
          break;
        case 'cm':
          ctm = multiply(numbers(6) as Matrix, ctm);
          break;
        case 'BT':
          tm = tlm = IDENTITY;
          break;
        case 'Tm':
          tm = tlm = numbers(6) as Matrix;
          break;
        case 'Td':
          tm = tlm = translate(numbers(2)[0], numbers(2)[1], tlm);
          break;
        case 'TD':
          leading = -numbers(1)[0];
          tm = tlm = translate(numbers(2)[0], numbers(2)[1], tlm);
          break;
        case 'TL':
          leading = numbers(1)[0];
          break;
        case 'T*':
          nextLine();
          break;
        case "'":
        case '"':
          nextLine();
          show();
          break;
        case 'Tj':
        case 'TJ':
          show();
          break;
        case 'BMC':
        case 'BDC':
          marks.push(stack.includes('/Artifact'));
          break;
        case 'EMC':
          marks.pop();
          break;
        case 'BI': {
          // Inline image: skip the binary data up to "EI" between whitespace.
          while (
            pos < length - 2 &&
            !(
              WHITESPACE.has(content[pos]) &&
              content[pos + 1] === 0x45 &&
              content[pos + 2] === 0x49 &&
              (pos + 3 >= length || WHITESPACE.has(content[pos + 3]))
            )
          )
            pos++;
          pos += 3;
          break;
        }
        default:
          break;
      }
      stack.length = 0;
    }
  }
  return placements;
}
