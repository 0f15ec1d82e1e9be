// `graph --format markdown`: the Mermaid picture in a ```mermaid fence, which GitHub and GitLab
// render in a .md file (a bare flowchart there is shown as text); a heading per environment.
import test from 'ava';

import { alembicFiles, runBin } from '../helpers/cli-process.js';
import { tempProject } from '../helpers/temp-project.js';

test('one environment: the mermaid output, fenced', async (t) => {
  const root = await tempProject(t, alembicFiles({ a1: null, b1: 'a1' }));
  const mermaid = await runBin(root, ['graph', '--format', 'mermaid']);
  const markdown = await runBin(root, ['graph', '--format', 'markdown']);
  t.is(markdown.status, 0);
  t.is(markdown.stdout, `\`\`\`mermaid\n${mermaid.stdout}\`\`\`\n`);
  t.true(mermaid.stdout.startsWith('flowchart TB\n'));
});

test('several environments: a heading and a fence each', async (t) => {
  const one = alembicFiles({ a1: null });
  const files = Object.fromEntries([
    ...Object.entries(one).map(([name, text]) => [`billing/${name}`, text]),
    ...Object.entries(one).map(([name, text]) => [`shop/${name}`, text]),
    [
      '.git-alembicrc.json',
      '{"environments": [{"config": "billing/alembic.ini"}, {"config": "shop/alembic.ini"}]}',
    ],
  ]);
  const root = await tempProject(t, files);
  const markdown = await runBin(root, ['graph', '-f', 'markdown']);
  t.is(markdown.status, 0, markdown.stderr);
  t.regex(
    markdown.stdout,
    /^## billing\/alembic\.ini\n\n```mermaid\nflowchart TB\n.*\n```\n\n## shop\/alembic\.ini\n\n```mermaid\nflowchart TB\n.*\n```\n$/s,
  );
});
