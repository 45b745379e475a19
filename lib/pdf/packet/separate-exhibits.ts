import { PDFDocument } from 'pdf-lib';
import { OBJECTS_PER_TICK } from '../layout/pdf-builder';
import { STRINGS } from '../strings';
import type { ExhibitEntry, Language, PacketDocument } from '../types';

/** One exhibit of a bundle as a document of its own, drawn from the bundle's pages only when asked for. */
export type SeparateExhibit = { entry: ExhibitEntry; load: () => Promise<PacketDocument> };

export type SeparatedBundle = {
  /** The bundle's index of exhibits and its hash manifest, each with its own Bates run. */
  loadIndex: () => Promise<PacketDocument[]>;
  exhibits: SeparateExhibit[];
};

async function carve(source: PDFDocument, bundle: PacketDocument, title: string, from: number, to: number): Promise<PacketDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const indices = Array.from({ length: to - from }, (_, offset) => from + offset);
  for (const page of await doc.copyPages(source, indices)) doc.addPage(page);
  const bytes = await doc.save({
    useObjectStreams: true,
    addDefaultPage: false,
    updateFieldAppearances: false,
    objectsPerTick: OBJECTS_PER_TICK,
  });
  // The pages keep the Bates numbers stamped in the bundle, so each file's run starts where its first page sits.
  return { title, bytes, ...(bundle.bates ? { bates: { spec: bundle.bates.spec, first: bundle.bates.first + from } } : {}) };
}

/**
 * CM/ECF takes each exhibit as its own attachment: the exhibit bundle (renderExhibitBundle) is
 * cut along its entries into one document per exhibit — its slip sheet and its pages — and one
 * for the index and hash manifest. Pages are copied, not drawn again, so labels and Bates
 * numbers stay those of the bundle. Each piece is made only when loaded, so a packet of a
 * thousand exhibits never holds them all at once beside the bundle.
 */
export async function separateExhibits(
  bundle: PacketDocument,
  entries: readonly ExhibitEntry[],
  language: Language,
): Promise<SeparatedBundle> {
  const source = await PDFDocument.load(bundle.bytes, { updateMetadata: false });
  const strings = STRINGS[language].exhibits;
  const heading = (text: string) => text.replace(/\s+/g, language === 'ko' ? '' : ' ');
  const endOf = (entry: ExhibitEntry) => entry.slipPageIndex + 1 + entry.pageCount;
  const firstSlip = entries[0]?.slipPageIndex ?? source.getPageCount();
  const manifestStart = entries.length ? endOf(entries[entries.length - 1]) : source.getPageCount();
  return {
    loadIndex: async () => [
      await carve(source, bundle, heading(strings.indexTitle), 0, firstSlip),
      ...(manifestStart < source.getPageCount()
        ? [await carve(source, bundle, heading(strings.manifestTitle), manifestStart, source.getPageCount())]
        : []),
    ],
    exhibits: entries.map((entry) => ({
      entry,
      load: () => carve(source, bundle, `${entry.label} ${entry.description}`, entry.slipPageIndex, endOf(entry)),
    })),
  };
}
