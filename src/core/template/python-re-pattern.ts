// Translates a Python `re` pattern into JavaScript RegExp source (for the `gu` flags),
// keeping Python's meaning: Unicode `\s`/`\w`/`\d`, `.` without newline, `{` as a literal
// when it does not start a repeat. Anything else (lookarounds, backreferences, inline
// flags, `\b`) is refused rather than approximated.
import { UNSUPPORTED_REGEX } from '../../messages/template.js';
import { PY_SPACE_CLASS, PY_WORD_CLASS } from './python-char-classes.js';
import { failAt, type SourceSite } from './template-site.js';

const CLASS_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['s', PY_SPACE_CLASS],
  ['d', '\\p{Nd}'],
  ['w', PY_WORD_CLASS],
]);
const CONTROL_CODES: ReadonlyMap<string, number> = new Map([
  ['n', 0x0a],
  ['t', 0x09],
  ['r', 0x0d],
  ['f', 0x0c],
  ['v', 0x0b],
  ['a', 0x07],
]);
const SYNTAX_CHARACTERS = '^$\\.*+?()[]{}|/';
const REPEAT = /\{(\d*)(,?)(\d*)\}/y;

/** The JavaScript source equivalent to the Python pattern, or an error naming the construct. */
export function translatePattern(pattern: string, site: SourceSite): string {
  return new PatternTranslator(pattern, site).translate();
}

// One left-to-right pass; `canRepeat` tracks whether a quantifier has something to apply to.
class PatternTranslator {
  private pos = 0;
  private output = '';
  private depth = 0;
  private canRepeat = false;

  constructor(
    private readonly pattern: string,
    private readonly site: SourceSite,
  ) {}

  translate(): string {
    while (this.pos < this.pattern.length) this.step();
    if (this.depth !== 0) this.refuse('an unbalanced parenthesis');
    return this.output;
  }

  private step(): void {
    const char = this.pattern[this.pos] ?? '';
    this.pos += 1;
    if (char === '\\') return this.emitAtom(this.escape());
    if (char === '[') return this.emitAtom(this.characterClass());
    if (char === '.') return this.emitAtom('[^\\n]');
    if ('*+?'.includes(char)) return this.quantifier(char);
    if (char === '{') return this.brace();
    if (char === '(') return this.openGroup();
    if (char === ')') return this.closeGroup();
    if (char === '|') return this.emit('|', false);
    if (char === '^') return this.emit('^', false);
    if (char === '$') return this.emit('(?=\\n?$)', false);
    this.emitAtom(literal(char));
  }

  private emit(source: string, canRepeat: boolean): void {
    this.output += source;
    this.canRepeat = canRepeat;
  }

  private emitAtom(source: string): void {
    this.emit(source, true);
  }

  private quantifier(source: string): void {
    if (!this.canRepeat) this.refuse('a repeat with nothing to repeat');
    let text = source;
    if (this.pattern[this.pos] === '?') {
      text += '?';
      this.pos += 1;
    }
    if ('*+?{'.includes(this.pattern[this.pos] ?? '.')) this.refuse('a multiple repeat');
    this.emit(text, false);
  }

  // Python reads `{m,n}` as a repeat only when it is complete; otherwise `{` is a literal.
  private brace(): void {
    REPEAT.lastIndex = this.pos - 1;
    const repeat = this.pattern[this.pos] === '}' ? null : REPEAT.exec(this.pattern);
    if (repeat === null) return this.emitAtom('\\{');
    this.pos = REPEAT.lastIndex;
    const [, low = '', comma, high = ''] = repeat;
    if (low !== '' && high !== '' && Number(high) < Number(low))
      this.refuse('a repeat whose minimum exceeds its maximum');
    this.quantifier(comma === '' ? `{${low}}` : `{${low === '' ? '0' : low},${high}}`);
  }

  private openGroup(): void {
    if (this.pattern[this.pos] === '?') {
      if (this.pattern[this.pos + 1] !== ':')
        this.refuse(`the group syntax (?${this.pattern[this.pos + 1] ?? ''}`);
      this.pos += 2;
      this.output += '(?:';
    } else {
      this.output += '(';
    }
    this.depth += 1;
    this.canRepeat = false;
  }

  private closeGroup(): void {
    if (this.depth === 0) this.refuse('an unbalanced parenthesis');
    this.depth -= 1;
    this.emitAtom(')');
  }

  private escape(): string {
    const letter = this.pattern[this.pos] ?? '';
    this.pos += 1;
    const inClass = CLASS_ESCAPES.get(letter);
    if (inClass !== undefined) return `[${inClass}]`;
    const negated = CLASS_ESCAPES.get(letter.toLowerCase());
    if (negated !== undefined) return `[^${negated}]`;
    return this.escapedCharacter(letter);
  }

  // An escape that stands for one character: a control escape or escaped punctuation.
  private escapedCharacter(letter: string): string {
    const control = CONTROL_CODES.get(letter);
    if (control !== undefined) return memberSource(control);
    if (letter === '' || /[0-9A-Za-z]/.test(letter)) return this.refuse(`the escape \\${letter}`);
    return literal(letter);
  }

  // Python's set syntax: `]` first is a literal, `a-z` a range, `-` elsewhere a literal.
  private characterClass(): string {
    let body = this.accept('^') ? '^' : '';
    let first = true;
    while (first || this.pattern[this.pos] !== ']') {
      if (this.pos >= this.pattern.length) this.refuse('an unterminated character set');
      first = false;
      const low = this.classMember();
      if (!this.accept('-')) {
        body += memberSource(low);
      } else if (this.pattern[this.pos] === ']' || this.pos >= this.pattern.length) {
        body += `${memberSource(low)}\\-`;
      } else {
        body += this.range(low, this.classMember());
      }
    }
    this.pos += 1;
    return `[${body}]`;
  }

  private range(low: SetMember, high: SetMember): string {
    if (typeof low !== 'number' || typeof high !== 'number' || high < low)
      return this.refuse('a bad character range');
    return `${memberSource(low)}-${memberSource(high)}`;
  }

  // One member: a code point, or the body of a class such as Python's `\s`.
  private classMember(): SetMember {
    const char = String.fromCodePoint(this.pattern.codePointAt(this.pos) ?? 0);
    this.pos += char.length;
    if (char !== '\\') return char.codePointAt(0) ?? 0;
    const letter = this.pattern[this.pos] ?? '';
    this.pos += 1;
    const inClass = CLASS_ESCAPES.get(letter);
    if (inClass !== undefined) return { classBody: inClass };
    if (letter === 'b') return 0x08;
    const control = CONTROL_CODES.get(letter);
    if (control !== undefined) return control;
    if (letter === '' || /[0-9A-Za-z]/.test(letter))
      return this.refuse(`\\${letter} inside a character set`);
    return letter.codePointAt(0) ?? 0;
  }

  private accept(char: string): boolean {
    if (this.pattern[this.pos] !== char) return false;
    this.pos += 1;
    return true;
  }

  private refuse(construct: string): never {
    return failAt(this.site, UNSUPPORTED_REGEX(construct));
  }
}

type SetMember = number | { readonly classBody: string };

function memberSource(member: SetMember): string {
  return typeof member === 'number' ? `\\u{${member.toString(16)}}` : member.classBody;
}

function literal(char: string): string {
  return SYNTAX_CHARACTERS.includes(char) ? `\\${char}` : char;
}
