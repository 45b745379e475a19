import { deflateSync } from 'node:zlib';
import { PDFContext, PDFRawStream, PDFRef } from 'pdf-lib';
import sharp from 'sharp';
import type { SourceKind } from './integrity';

/** Long edge of an A4 page at 300 dpi: more pixels than this only add bytes to a court file. */
export const MAX_IMAGE_EDGE = 3508;
/**
 * Photos have nearly as many colours as pixels; screenshots, diagrams and scanned text reuse a
 * few. Share of distinct colours in a 96×96 nearest-neighbour thumbnail above which an image
 * counts as a photo (and may be stored as JPEG).
 */
export const PHOTO_COLOR_SHARE = 0.3;
const THUMBNAIL_EDGE = 96;

async function isPhotoLike(bytes: Uint8Array): Promise<boolean> {
  const { data, info } = await sharp(bytes, { failOn: 'none' })
    .resize(THUMBNAIL_EDGE, THUMBNAIL_EDGE, { fit: 'fill', kernel: 'nearest' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const colors = new Set<number>();
  for (let offset = 0; offset + info.channels - 1 < data.length; offset += info.channels) {
    colors.add(info.channels >= 3 ? (data[offset] << 16) | (data[offset + 1] << 8) | data[offset + 2] : data[offset]);
  }
  return colors.size / (info.width * info.height) >= PHOTO_COLOR_SHARE;
}
const JPEG_QUALITY = 88;

export type PlacedImage = { ref: PDFRef; width: number; height: number; encoding: 'jpeg-original' | 'jpeg' | 'flate' };

type Pixels = { data: Buffer; width: number; height: number; channels: number };

function jpegXObject(context: PDFContext, bytes: Uint8Array, width: number, height: number, channels: number): PDFRef {
  const dict = context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    BitsPerComponent: 8,
    ColorSpace: channels === 1 ? 'DeviceGray' : 'DeviceRGB',
    Filter: 'DCTDecode',
  });
  return context.register(PDFRawStream.of(dict, bytes));
}

/** Lossless image: colour planes flate-compressed, alpha as a soft mask. */
function flateXObject(context: PDFContext, pixels: Pixels): PDFRef {
  const { data, width, height, channels } = pixels;
  const hasAlpha = channels === 2 || channels === 4;
  const colorChannels = hasAlpha ? channels - 1 : channels;
  let color = data;
  let smask: PDFRef | undefined;
  if (hasAlpha) {
    color = Buffer.alloc(width * height * colorChannels);
    const alpha = Buffer.alloc(width * height);
    for (let pixel = 0; pixel < width * height; pixel++) {
      for (let channel = 0; channel < colorChannels; channel++) color[pixel * colorChannels + channel] = data[pixel * channels + channel];
      alpha[pixel] = data[pixel * channels + colorChannels];
    }
    const maskDict = context.obj({
      Type: 'XObject',
      Subtype: 'Image',
      Width: width,
      Height: height,
      BitsPerComponent: 8,
      ColorSpace: 'DeviceGray',
      Filter: 'FlateDecode',
    });
    smask = context.register(PDFRawStream.of(maskDict, deflateSync(alpha)));
  }
  const dict = context.obj({
    Type: 'XObject',
    Subtype: 'Image',
    Width: width,
    Height: height,
    BitsPerComponent: 8,
    ColorSpace: colorChannels === 1 ? 'DeviceGray' : 'DeviceRGB',
    Filter: 'FlateDecode',
    ...(smask ? { SMask: smask } : {}),
  });
  return context.register(PDFRawStream.of(dict, deflateSync(color)));
}

/**
 * Embeds an image as an XObject. JPEGs go in untouched when they can (upright, RGB or grey,
 * not oversized); PNGs that are photos without transparency become JPEGs; screenshots, scans
 * and transparent images stay lossless. EXIF orientation is applied so photos stand upright.
 */
export async function embedImage(context: PDFContext, bytes: Uint8Array, kind: SourceKind): Promise<PlacedImage> {
  const source = sharp(bytes, { failOn: 'none', limitInputPixels: 268_402_689 });
  const meta = await source.metadata();
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  const isUpright = (meta.orientation ?? 1) === 1;
  const isOversized = Math.max(width, height) > MAX_IMAGE_EDGE;
  const channels = meta.channels ?? 3;
  if (kind === 'jpeg' && isUpright && !isOversized && (channels === 1 || channels === 3) && meta.space !== 'cmyk') {
    return { ref: jpegXObject(context, bytes, width, height, channels), width, height, encoding: 'jpeg-original' };
  }
  let pipeline = sharp(bytes, { failOn: 'none' }).rotate();
  if (isOversized) pipeline = pipeline.resize({ width: MAX_IMAGE_EDGE, height: MAX_IMAGE_EDGE, fit: 'inside' });
  pipeline = pipeline.toColourspace(channels <= 2 && meta.space !== 'cmyk' ? 'b-w' : 'srgb');
  const stats = kind === 'jpeg' ? undefined : await sharp(bytes, { failOn: 'none' }).stats();
  const isPhoto = kind === 'jpeg' || (stats !== undefined && stats.isOpaque && (await isPhotoLike(bytes)));
  if (isPhoto) {
    const { data, info } = await pipeline
      .removeAlpha()
      .jpeg({ quality: JPEG_QUALITY, mozjpeg: false })
      .toBuffer({ resolveWithObject: true });
    return {
      ref: jpegXObject(context, data, info.width, info.height, info.channels),
      width: info.width,
      height: info.height,
      encoding: 'jpeg',
    };
  }
  const opaque = stats?.isOpaque ?? true;
  const { data, info } = await (opaque ? pipeline.removeAlpha() : pipeline).raw().toBuffer({ resolveWithObject: true });
  return {
    ref: flateXObject(context, { data, width: info.width, height: info.height, channels: info.channels }),
    width: info.width,
    height: info.height,
    encoding: 'flate',
  };
}
