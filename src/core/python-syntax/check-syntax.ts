// The complete Python syntax check of a revision file: what CPython's tokenizer, parser and
// compiler refuse before a module runs, so a file Alembic could not import is never read as a
// good one. Version differences are decided for the newest Python: syntax that some current
// Python accepts (PEP 701 f-strings, `type` aliases, type parameters) passes.
import { PythonSyntaxMessages as Messages } from '../../messages/revision-file.js';
import { PythonSyntaxError, lineAt } from '../revision-file/python-syntax-error.js';
import { parseModule } from './parse-compound.js';
import { ParserState } from './parser-state.js';
import { tokenize } from './tokenizer.js';

/** Throws PythonSyntaxError (offset, message) for the first syntax error of decoded source. */
export function checkPythonSyntax(source: string): void {
  const state = new ParserState(source, tokenize(source));
  try {
    parseModule(state);
  } catch (error) {
    const lexical = state.lexicalError;
    if (
      lexical !== undefined &&
      error instanceof PythonSyntaxError &&
      overridesParseError(source, lexical, error)
    )
      throw lexical;
    throw error;
  }
  if (state.lexicalError !== undefined) throw state.lexicalError;
}

// After a parse error CPython tokenizes the rest of the file, and a tokenizer error it meets
// there wins (pegen's _PyPegen_tokenize_full_source_to_check_for_errors): one raised as an
// exception always, a bracket left open only when opened on an earlier line than the parse
// error; indentation errors and an end of file inside a continuation never.
function overridesParseError(
  source: string,
  lexical: PythonSyntaxError,
  parse: PythonSyntaxError,
): boolean {
  // "unexpected indent" stops pegen before that check.
  if (lexical === parse || parse.message === Messages.UNEXPECTED_INDENT) return false;
  const passive: readonly string[] = [
    Messages.UNINDENT_MISMATCH,
    Messages.INCONSISTENT_TABS,
    Messages.TOO_DEEP_INDENTATION,
    Messages.EOF_IN_CONTINUATION,
  ];
  if (passive.includes(lexical.message)) return false;
  if (lexical.message === Messages.neverClosed(source.charAt(lexical.offset)))
    return lineAt(source, parse.offset) > lineAt(source, lexical.offset);
  return true;
}
