// The public face of the template renderer: render script.py.mako as `alembic merge` does.
export { checkMakoTemplate, renderMakoTemplate } from './mako-render.js';
export { reprString } from './python-repr.js';
export type { TemplateVariables } from './template-variables.js';
