// The variables of a two-parent merge, as the renderer tests pass them to script.py.mako.
import type { TemplateVariables } from '../../src/core/template/template-variables.js';

/** A merge of bbbb0001 and cccc0001 with a naive create date. */
export const MERGE_VARIABLES: TemplateVariables = {
  upRevision: 'ae1027a6acf0',
  downRevision: ['bbbb0001', 'cccc0001'],
  branchLabels: null,
  dependsOn: null,
  createDate: '2024-01-02 03:04:05.678901',
  message: 'merge heads',
  mainOptions: new Map([['databases', 'engine1, engine2']]),
};
