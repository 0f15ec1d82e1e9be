// `output_encoding`: Alembic encodes the rendered template with Python's codec of that name
// (`str.encode`, strict errors). We support the codecs real projects use, look names up the way
// Python's codec registry does (case-insensitive, punctuation runs folded, aliases), and fail
// like Python's UnicodeEncodeError on a character the codec cannot encode: never a wrong file.
import { UserError } from '../../errors.js';
import { MergeMessages } from '../../messages/merge.js';

/** A Python codec we can encode with. */
export interface OutputCodec {
  /** Python's canonical name (`codecs.lookup(name).name`), e.g. `iso8859-1`. */
  readonly name: string;
  /** Encodes like `text.encode(codec)`; throws UserError on an unencodable character. */
  encode(text: string): Uint8Array;
}

type Encoder = (text: string) => Uint8Array;

const utf8: Encoder = (text) => new TextEncoder().encode(text);

const CODECS: ReadonlyArray<{
  readonly name: string;
  readonly aliases: readonly string[];
  readonly encode: Encoder;
}> = [
  {
    name: 'utf-8',
    aliases: ['utf_8', 'cp65001', 'u8', 'utf', 'utf8', 'utf8_ucs2', 'utf8_ucs4'],
    encode: utf8,
  },
  {
    name: 'utf-8-sig',
    aliases: ['utf_8_sig'],
    encode: (text) => concat([0xef, 0xbb, 0xbf], utf8(text)),
  },
  {
    name: 'iso8859-1',
    aliases: [
      'latin_1',
      '8859',
      'cp819',
      'csisolatin1',
      'ibm819',
      'iso8859',
      'iso8859_1',
      'iso_8859_1',
      'iso_8859_1_1987',
      'iso_ir_100',
      'l1',
      'latin',
      'latin1',
    ],
    encode: (text) => singleByte(text, 'latin-1', 256),
  },
  {
    name: 'ascii',
    aliases: [
      'ascii',
      '646',
      'ansi_x3.4_1968',
      'ansi_x3.4_1986',
      'ansi_x3_4_1968',
      'cp367',
      'csascii',
      'ibm367',
      'iso646_us',
      'iso_646.irv_1991',
      'iso_ir_6',
      'us',
      'us_ascii',
    ],
    encode: (text) => singleByte(text, 'ascii', 128),
  },
  // Python's utf-16 writes a byte order mark and the machine's order, little-endian everywhere we run.
  {
    name: 'utf-16',
    aliases: ['utf_16', 'u16', 'utf16'],
    encode: (text) => concat([0xff, 0xfe], utf16(text, true)),
  },
  {
    name: 'utf-16-le',
    aliases: ['utf_16_le', 'unicodelittleunmarked', 'utf_16le'],
    encode: (text) => utf16(text, true),
  },
  {
    name: 'utf-16-be',
    aliases: ['utf_16_be', 'unicodebigunmarked', 'utf_16be'],
    encode: (text) => utf16(text, false),
  },
];

/** The codec Python would find for `name`, or undefined when we do not support it. */
export function outputCodec(name: string): OutputCodec | undefined {
  const normalized = normalizeEncodingName(name);
  const found = CODECS.find(
    (codec) =>
      codec.aliases.includes(normalized) || codec.aliases.includes(normalized.replaceAll('.', '_')),
  );
  return found === undefined ? undefined : { name: found.name, encode: found.encode };
}

/** The names `output_encoding` may take, for the error message. */
export const SUPPORTED_ENCODINGS: readonly string[] = [
  'utf-8',
  'utf-8-sig',
  'latin-1',
  'ascii',
  'utf-16',
  'utf-16-le',
  'utf-16-be',
];

/** Python's `encodings.normalize_encoding` after lower-casing: punctuation runs become one `_`. */
export function normalizeEncodingName(name: string): string {
  let normalized = '';
  let punctuation = false;
  for (const character of name.toLowerCase()) {
    if (/^[\p{L}\p{N}.]$/u.test(character)) {
      if (punctuation && normalized !== '') normalized += '_';
      // Python keeps only ASCII letters and digits.
      if (character.charCodeAt(0) < 128) normalized += character;
      punctuation = false;
    } else {
      punctuation = true;
    }
  }
  return normalized;
}

function singleByte(text: string, codec: string, limit: number): Uint8Array {
  const codePoints = Array.from(text);
  const bytes = new Uint8Array(codePoints.length);
  codePoints.forEach((character, position) => {
    const code = character.codePointAt(0) as number;
    if (code >= limit)
      throw new UserError(
        MergeMessages.unencodable(codec, pythonCharEscape(code), position, limit),
      );
    bytes[position] = code;
  });
  return bytes;
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < text.length; index++)
    view.setUint16(index * 2, text.charCodeAt(index), littleEndian);
  return bytes;
}

function concat(prefix: readonly number[], body: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(prefix.length + body.length);
  bytes.set(prefix);
  bytes.set(body, prefix.length);
  return bytes;
}

// How Python's UnicodeEncodeError shows the character: '\xe9', '\u20ac', '\U0001f600'.
function pythonCharEscape(code: number): string {
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
  return `\\U${code.toString(16).padStart(8, '0')}`;
}
