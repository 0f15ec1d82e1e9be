// Python codecs named by PEP 263 coding cookies, mapped onto what JavaScript can decode. UTF-8,
// Latin-1, ASCII and cp1252 are decoded here because WHATWG (and so TextDecoder) folds Latin-1
// and ASCII into windows-1252, and Node 20.18.3+ decodes windows-1252 as Latin-1 anyway
// (nodejs/node#60888). Everything else goes to TextDecoder under its WHATWG label.

/** Decodes bytes, or returns the index of the first byte it cannot decode. */
export type Codec = (bytes: Uint8Array) => string | { readonly invalidByte: number };

type Decoder = InstanceType<typeof TextDecoder>;

const UTF8_DECODER: Decoder = new TextDecoder('utf-8', { fatal: true });

const UTF8_NAMES = new Set(['utf-8', 'utf8', 'u8', 'utf', 'cp65001']);
const LATIN1_NAMES = new Set([
  'latin-1',
  'latin1',
  'iso-8859-1',
  'iso8859-1',
  '8859',
  'cp819',
  'ibm819',
  'latin',
  'l1',
  'iso-ir-100',
  'csisolatin1',
]);
const ASCII_NAMES = new Set(['ascii', 'us-ascii', '646', 'us', 'ansi-x3.4-1968', 'iso646-us']);
const CP1252_NAMES = new Set(['cp1252', 'windows-1252', '1252']);

// cp1252 bytes 0x80–0x9F as Python decodes them; 0 marks the five bytes Python refuses.
const CP1252_HIGH_CONTROLS = [
  0x20ac, 0, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0,
  0x17d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0, 0x17e, 0x178,
];

/** The codec Python would use for a cookie's encoding name, or undefined when unknown here. */
export function codecFor(name: string): Codec | undefined {
  const normalized = name.toLowerCase().replaceAll('_', '-');
  if (UTF8_NAMES.has(normalized) || normalized.startsWith('utf-8-')) return decodeUtf8;
  if (LATIN1_NAMES.has(normalized)) return decodeLatin1;
  if (ASCII_NAMES.has(normalized)) return decodeAscii;
  if (CP1252_NAMES.has(normalized)) return decodeCp1252;
  const decoder = whatwgDecoder(name.toLowerCase()) ?? whatwgDecoder(normalized);
  if (decoder === undefined) return undefined;
  // WHATWG maps the remaining Latin-1 aliases to windows-1252; Python decodes them as Latin-1.
  if (decoder.encoding === 'windows-1252') return decodeLatin1;
  return (bytes) => decodeWith(decoder, bytes);
}

/** UTF-8, Python's default source encoding. */
export function decodeUtf8(bytes: Uint8Array): string | { readonly invalidByte: number } {
  return decodeWith(UTF8_DECODER, bytes);
}

/** UTF-8, or undefined for invalid bytes (without locating them, unlike decodeUtf8). */
export function tryDecodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return UTF8_DECODER.decode(bytes);
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}

function whatwgDecoder(label: string): Decoder | undefined {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch (error) {
    // TextDecoder throws a RangeError for labels it does not know; anything else is a bug.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

function decodeWith(
  decoder: Decoder,
  bytes: Uint8Array,
): string | { readonly invalidByte: number } {
  try {
    return decoder.decode(bytes);
  } catch (error) {
    // A fatal decoder throws a TypeError on malformed input; locate it for the message.
    if (!(error instanceof TypeError)) throw error;
    return { invalidByte: firstInvalidByte(decoder, bytes) };
  }
}

// Bisects for the shortest prefix a streaming decoder refuses; rare, so clarity beats speed.
function firstInvalidByte(decoder: Decoder, bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (decodesAsPrefix(decoder.encoding, bytes.subarray(0, middle + 1))) low = middle + 1;
    else high = middle;
  }
  return low;
}

function decodesAsPrefix(encoding: string, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return false;
  }
}

function decodeLatin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192)
    text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

function decodeAscii(bytes: Uint8Array): string | { readonly invalidByte: number } {
  const invalidByte = bytes.findIndex((byte) => byte >= 0x80);
  return invalidByte === -1 ? decodeLatin1(bytes) : { invalidByte };
}

function decodeCp1252(bytes: Uint8Array): string | { readonly invalidByte: number } {
  let text = '';
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    const codePoint = byte >= 0x80 && byte < 0xa0 ? (CP1252_HIGH_CONTROLS[byte - 0x80] ?? 0) : byte;
    if (codePoint === 0 && byte !== 0) return { invalidByte: i };
    text += String.fromCharCode(codePoint);
  }
  return text;
}
