// What every reader of a revision file takes (the fast reader, the precise one, the complete
// syntax check), in a module of its own so that they need not import revision-file.ts.
import type { ConstantValue } from '../revision.js';

/** One revision file: its content, its base name, and how messages should name it. */
export interface RevisionFileInput {
  /** Base name, for Alembic's legacy `<hex>.py` fallback. */
  readonly fileName: string;
  /** Path shown in messages and stored as `Revision.file`. */
  readonly displayPath: string;
  /**
   * The file's bytes. A string stands for its UTF-8 encoding (python-source.ts): a reader that
   * decoded the file as it read it, replacing no byte, passes the text it already has.
   */
  readonly bytes: Uint8Array | string;
}

/** Settings that change how values are read. */
export interface RevisionFileOptions {
  /** Values for non-literal expressions, keyed by their source text (whitespace is ignored). */
  readonly constants: ReadonlyMap<string, ConstantValue>;
  /**
   * Check the whole file's Python syntax first, as Python compiles it (slower: about 30 MB/s
   * against several hundred for reading). Without it only the errors met on the way are found.
   */
  readonly completeSyntaxCheck?: boolean;
}
