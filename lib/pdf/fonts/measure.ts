import { loadFont, type FontFace } from './font-files';

/** Measures text without a document (layout passes that run before any page exists). */
export type TextMeasure = { widthOf(text: string, size: number): number };

export function measureFor(face: FontFace): TextMeasure {
  const font = loadFont(face);
  return {
    widthOf(text, size) {
      let width = 0;
      for (let index = 0; index < text.length; index++) {
        let codePoint = text.charCodeAt(index);
        if (codePoint >= 0xd800 && codePoint <= 0xdbff && index + 1 < text.length) {
          codePoint = text.codePointAt(index) ?? codePoint;
          index++;
        }
        width += font.glyph(codePoint).width;
      }
      return (width * size) / 1000;
    },
  };
}
