// What the ConfigParser reader (../configparser.ts) produces, in a module of its own so that the
// lookups and the interpolation that read it do not import the parser back.

/** Name of the section whose options every other section inherits. */
export const DEFAULT_SECTION = 'DEFAULT';

/** One option as read: the raw (uninterpolated) value and the line of its key. */
export interface ConfigOption {
  readonly value: string;
  /** 1-based line of the key; undefined for defaults passed by the caller (`here`). */
  readonly line: number | undefined;
}

/** One section; option names are lower-cased, in file order. */
export interface ConfigSection {
  readonly name: string;
  readonly line: number | undefined;
  readonly options: ReadonlyMap<string, ConfigOption>;
}

/** A parsed ini file. `defaults` is `[DEFAULT]` merged over the caller's defaults. */
export interface ConfigDocument {
  /** The file name used in error messages. */
  readonly fileName: string;
  readonly defaults: ConfigSection;
  /** Every section except DEFAULT, in file order. */
  readonly sections: ReadonlyMap<string, ConfigSection>;
}
