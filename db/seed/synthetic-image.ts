/**
 * A small JPEG "screenshot" of a browser that cannot reach a site, drawn pixel by pixel (no
 * fonts, so the bytes are the same on every machine) and encoded once with sharp. Seed data only.
 */
export async function syntheticOutageScreenshot(variant = 0): Promise<Uint8Array> {
  const width = 480;
  const height = 320;
  const pixels = Buffer.alloc(width * height * 3, 0xff);
  const fill = (x0: number, y0: number, x1: number, y1: number, [r, g, b]: [number, number, number]) => {
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const offset = (y * width + x) * 3;
        pixels[offset] = r;
        pixels[offset + 1] = g;
        pixels[offset + 2] = b;
      }
    }
  };
  fill(0, 0, width, 36, [0x1f, 0x4e, 0x99]); // title bar
  fill(8, 44, width - 8, 68, [0xe8, 0xe8, 0xe8]); // address bar
  fill(40, 110, 96, 166, [0xc6, 0x28, 0x28]); // error icon
  for (let line = 0; line < 5; line++) fill(120, 112 + line * 22, 120 + 300 - line * 37 - variant * 7, 124 + line * 22, [0x55, 0x55, 0x55]); // "text"
  fill(120, 250, 220, 280, [0x1f, 0x4e, 0x99]); // retry button
  const sharp = (await import('sharp')).default;
  return new Uint8Array(
    await sharp(pixels, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 80 })
      .toBuffer(),
  );
}
