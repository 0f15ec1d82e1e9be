// A section as a read-only map that interpolates on access, like Alembic's
// `config.get_main_option(name)`: one broken value fails only when it is read, and iterating
// (Alembic's `get_section`) fails on the first broken value, as Python's items() does.
import type { ConfigDocument } from './document.js';
import { getOption, hasOption, sectionOptionNames } from './lookup.js';

/** The options of one section (DEFAULT's included), interpolated lazily. */
export class SectionView implements ReadonlyMap<string, string> {
  readonly #document: ConfigDocument | undefined;
  readonly #section: string;
  readonly #names: readonly string[];

  /** A view of `section`; without a document it is empty (a pyproject-only environment). */
  constructor(document: ConfigDocument | undefined, section: string) {
    this.#document = document;
    this.#section = section;
    this.#names =
      document === undefined || !document.sections.has(section)
        ? []
        : sectionOptionNames(document, section);
  }

  get size(): number {
    return this.#names.length;
  }

  /** The interpolated value; throws a ConfigParserError when the value cannot be interpolated. */
  get(key: string): string | undefined {
    if (this.#document === undefined || !this.#names.includes(key.toLowerCase())) return undefined;
    return getOption(this.#document, this.#section, key);
  }

  has(key: string): boolean {
    return (
      this.#document !== undefined &&
      this.#names.length > 0 &&
      hasOption(this.#document, this.#section, key)
    );
  }

  keys(): MapIterator<string> {
    return this.#names[Symbol.iterator]();
  }

  *values(): MapIterator<string> {
    for (const name of this.#names) yield this.get(name) as string;
  }

  *entries(): MapIterator<[string, string]> {
    for (const name of this.#names) yield [name, this.get(name) as string];
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }

  forEach(
    callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void,
    thisArg?: unknown,
  ): void {
    for (const [key, value] of this.entries()) callback.call(thisArg, value, key, this);
  }
}
