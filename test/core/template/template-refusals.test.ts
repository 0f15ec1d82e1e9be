// What the renderer refuses around the constructs of real templates: each refusal is one
// InputError naming the template and line, with the renderer's hint, never a guess at the output.
import test from 'ava';
import { renderMakoTemplate } from '../../../src/core/template/mako-render.js';
import type { TemplateVariables } from '../../../src/core/template/template-variables.js';
import { InputError } from '../../../src/errors.js';
import { TEMPLATE_HINT } from '../../../src/messages/template.js';
import { MERGE_VARIABLES } from '../../helpers/template-variables.js';

const NAIVE = MERGE_VARIABLES;

const refuses = test.macro({
  exec(t, source: string, line: number | null, message: string, variables: TemplateVariables = NAIVE) {
    const error = t.throws(() => renderMakoTemplate(source, 'migrations/script.py.mako', variables), { instanceOf: InputError });
    t.is(error?.message, `migrations/script.py.mako${line === null ? '' : `:${line}`}: ${message}`);
    t.is(error?.hint, TEMPLATE_HINT);
  },
  title: (title) => `refused: ${title ?? ''}`,
});

test('<%text> with a filter', refuses, 'a\n<%text filter="h">x</%text>', 2, '`<%text>` is only supported without attributes (such as `filter`) and not self-closing');
test('a self-closing <%text/>', refuses, '<%text/>', 1, '`<%text>` is only supported without attributes (such as `filter`) and not self-closing');
test('an empty <%text></%text>', refuses, '<%text></%text>', 1, 'an empty `<%text></%text>` is not supported (Mako misreads it and leaves the tag open)');
test('an unclosed <%text>', refuses, 'a\n<%text>b', 2, 'unclosed `<%text>`: expected `</%text>`');
