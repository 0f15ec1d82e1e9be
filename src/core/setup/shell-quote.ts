// Quoting for POSIX sh, for the paths setup writes into hook blocks and the driver command.

const SAFE_WORD = /^[A-Za-z0-9_./@%+=:,-]+$/;

/** `word` as one sh word: unchanged when it needs no quoting, else in single quotes. */
export function shellQuote(word: string): string {
  if (SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
