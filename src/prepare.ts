// `git-alembic/prepare`: what the npm `prepare` script setup writes imports, as
// node -e "import('git-alembic/prepare')…". An import that fails when git-alembic is not
// installed (`npm ci --omit=dev`, a Docker image) is caught there, so a production install
// succeeds, and the line runs the same under sh and Windows' cmd.exe. This runs
// `git-alembic setup --prepare`, which itself never fails an install.
import { processContext } from './cli/context.js';
import { main } from './cli/main.js';

process.exitCode = await main(['setup', '--prepare'], processContext());
