-- The pieces of unfinished uploads are photos and PDFs, already compressed: stored like blobs.bytes
-- (0010), out of line and uncompressed, so writing a 1 MB piece does not try to compress it.
ALTER TABLE "upload_pieces" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
