// What the hooks print when writing the merge revision itself has something to say: its
// warnings are the hook's own, so after a rebase's progress line (which ends in a carriage
// return) they too start on a line of their own. Real git, husky 9 and the built CLI.
import test from 'ava';

import { setUpRepo } from '../helpers/hook-repo.js';
import { MergeMessages } from '../../src/messages/merge.js';

test('after a rebase, a warning from writing the merge revision starts on a line of its own', async (t) => {
  const repo = await setUpRepo(t);
  // revision_environment makes the merge writer warn (git-alembic does not run env.py).
  await repo.write(
    'alembic.ini',
    '[alembic]\nscript_location = %(here)s/migrations\nrevision_environment = true\n',
  );
  await repo.git(['commit', '-q', '-am', 'revision_environment']);
  await repo.git(['checkout', '-q', 'dev']);
  const rebase = await repo.git(['rebase', 'main']);
  t.true(
    rebase.stderr.includes(
      `Rebasing (1/1)\r\ngit-alembic: warning: ${MergeMessages.REVISION_ENVIRONMENT}\n`,
    ),
    rebase.stderr,
  );
  t.regex(rebase.stderr, /\ngit-alembic: created merge revision [0-9a-f]{12} /);
});
