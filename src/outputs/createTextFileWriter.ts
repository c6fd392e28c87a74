import { open } from 'node:fs/promises';

/** Buffered writer of a UTF-8 text file. */
export interface TextFileWriter {
  /** Appends text, flushing to disk when the buffer passes its threshold. */
  write(text: string): Promise<void>;
  /** Flushes the rest and closes the file; also closes it if flushing fails. */
  close(): Promise<void>;
}

/** Bytes (approximately, in UTF-16 units) buffered before a flush. */
const FLUSH_THRESHOLD = 1 << 20;

/**
 * Opens a new file (failing if it exists) for buffered text writes, so large CSVs are written
 * in ~1 MB chunks instead of one string held in memory.
 *
 * @param path - File to create.
 * @returns The writer; call `close()` when done.
 * @example
 * const writer = await createTextFileWriter('/tmp/x.csv');
 * await writer.write('a,b\n');
 * await writer.close();
 */
export async function createTextFileWriter(path: string): Promise<TextFileWriter> {
  const handle = await open(path, 'wx');
  let parts: string[] = [];
  let length = 0;
  const flush = async (): Promise<void> => {
    if (parts.length === 0) return;
    const text = parts.join('');
    parts = [];
    length = 0;
    const bytes = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset, null);
      offset += bytesWritten;
    }
  };
  return {
    async write(text) {
      parts.push(text);
      length += text.length;
      if (length >= FLUSH_THRESHOLD) await flush();
    },
    async close() {
      try {
        await flush();
      } finally {
        await handle.close();
      }
    },
  };
}
