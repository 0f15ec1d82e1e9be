// Python's `shlex.split(text)` in POSIX mode, which Alembic applies to a post-write hook's
// `options`. Quoting follows Python, not the shell: inside double quotes a backslash escapes only
// `"` and `\` (so `"a\$b"` stays `a\$b`), and `''` is an empty argument.
import { UserError } from '../../errors.js';
import { MergeMessages } from '../../messages/merge.js';

const WHITESPACE = ' \t\r\n';
const QUOTES = '\'"';
const ESCAPE = '\\';
// Quotes inside which the escape character works.
const ESCAPED_QUOTES = '"';

/** Splits like `shlex.split(text)` (posix=True); throws UserError where Python raises ValueError. */
export function shlexSplit(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let quoted = false;
  // ' ' between words, 'a' in a word, a quote character inside quotes, '\\' after an escape.
  let state = ' ';
  let escapedState = 'a';
  const finish = (): void => {
    if (word !== '' || quoted) words.push(word);
    word = '';
    quoted = false;
  };
  for (const character of text) {
    if (state === ESCAPE) {
      // Inside double quotes a backslash before anything but `"` or `\` is kept.
      if (QUOTES.includes(escapedState) && character !== ESCAPE && character !== escapedState)
        word += ESCAPE;
      word += character;
      state = escapedState;
    } else if (QUOTES.includes(state)) {
      quoted = true;
      if (character === state) state = 'a';
      else if (character === ESCAPE && ESCAPED_QUOTES.includes(state))
        [escapedState, state] = [state, ESCAPE];
      else word += character;
    } else if (WHITESPACE.includes(character)) {
      if (state === 'a') finish();
      state = ' ';
    } else if (QUOTES.includes(character)) {
      state = character;
    } else if (character === ESCAPE) {
      [escapedState, state] = ['a', ESCAPE];
    } else {
      word += character;
      state = 'a';
    }
  }
  if (QUOTES.includes(state))
    throw new UserError(MergeMessages.shlexError('No closing quotation', text));
  if (state === ESCAPE) throw new UserError(MergeMessages.shlexError('No escaped character', text));
  if (state === 'a') finish();
  return words;
}
