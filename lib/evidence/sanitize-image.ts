import sharp from 'sharp';

// Every upload is a different picture: libvips's operation cache would only keep up to 50 MB of
// decoded pixels no one asks for again, on a server judging hundreds of uploads at once.
sharp.cache(false);

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp';

/** Above this many pixels an image is refused: a decompression bomb must not fill memory. */
export const MAX_IMAGE_PIXELS = 50_000_000;
const ENCODE_TIMEOUT_SECONDS = 20;

/**
 * Decodes and re-encodes an image in its own format. The output carries pixels only: EXIF
 * (camera, GPS location, time), XMP and comments are dropped, the EXIF orientation is applied
 * first so the picture still stands upright, and anything hidden after the image data (a
 * polyglot's second file) is gone. Animated images keep their first frame.
 */
export async function reencodeImage(bytes: Uint8Array, mime: ImageMime): Promise<Uint8Array> {
  const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', sequentialRead: true })
    .rotate()
    .timeout({ seconds: ENCODE_TIMEOUT_SECONDS });
  const encoded =
    mime === 'image/jpeg'
      ? image.jpeg({ quality: 90, mozjpeg: false })
      : mime === 'image/png'
        ? image.png({ compressionLevel: 6 })
        : image.webp({ quality: 90 });
  return new Uint8Array(await encoded.toBuffer());
}
