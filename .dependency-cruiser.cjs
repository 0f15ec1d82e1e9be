// The shape of src/, checked by `npm test` (dependency-cruiser): the layers point one way, the
// core stays pure, nothing outside the CLI reaches into it, no module imports itself in a
// circle, and only the modules that must start other programs load node:child_process.
// docs/ARCHITECTURE.md draws the layers and says why.

/** From the top down; a module may import its own layer and the layers below it. */
const LAYERS = [
  {
    name: 'entry',
    path: '^src/(bin|bin-cjs|own-bundles|code-cache|prepare|index|compile-cache)[.]ts$',
    what: 'the entry points: the executables and the code caches they load with, the prepare step, the library API',
  },
  { name: 'cli', path: '^src/cli/', what: 'arguments, help, printing, exit codes' },
  {
    name: 'application',
    path: '^src/(merge|merge-branch|hooks|setup|doctor|driver|demo)/',
    what: 'what the commands and hooks do',
  },
  {
    name: 'runtime',
    path: '^src/runtime/',
    what: 'the context and the output the CLI hands to application code',
  },
  {
    name: 'adapters',
    path: '^src/(alembic|project|git|config|fs|python|husky)/',
    what: 'files, git, Alembic settings, the config',
  },
  { name: 'core', path: '^src/core/', what: 'pure rules: no I/O, no process' },
  {
    name: 'shared',
    path: '^src/(messages/|errors[.]ts$|exit-codes[.]ts$)',
    what: 'messages, errors and exit codes, used by every layer',
  },
];

const ANY_LAYER = LAYERS.map((layer) => `(${layer.path})`).join('|');

// Who may start programs: git only from src/git/; the rest start what they are about.
const STARTS_PROGRAMS = [
  '^src/git/', // git
  '^src/python/spawn-python[.]ts$', // the Python of the Mako fallback and of module hooks
  '^src/merge/post-write-hooks[.]ts$', // Alembic's post-write hooks
  '^src/setup/(install-step|pre-commit-install)[.]ts$', // the package manager, pre-commit
  '^src/husky/husky[.]ts$', // husky's own installer
  '^src/doctor/hidden-hook-checks[.]ts$', // sh, running the hook runner's shell function
  '^src/demo/demo-shell[.]ts$', // the demo's terminal session: git and the CLI as a user types them
];

/** No import from a lower layer into a higher one. */
function upwardImportRules() {
  return LAYERS.slice(1).map((layer, index) => ({
    name: `no-upward-import-from-${layer.name}`,
    comment: `${layer.name} (${layer.what}) may not import a layer above it: ${LAYERS.slice(
      0,
      index + 1,
    )
      .map((above) => above.name)
      .join(', ')}`,
    severity: 'error',
    from: { path: layer.path },
    to: {
      path: LAYERS.slice(0, index + 1)
        .map((above) => `(${above.path})`)
        .join('|'),
    },
  }));
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'pure-core',
      comment: 'src/core and the shared leaves are pure: no node: module, no npm package',
      severity: 'error',
      from: { path: '^src/(core/|messages/|errors[.]ts$|exit-codes[.]ts$)' },
      to: {
        dependencyTypes: [
          'core',
          'npm',
          'npm-dev',
          'npm-optional',
          'npm-peer',
          'npm-no-pkg',
          'npm-unknown',
        ],
      },
    },
    {
      name: 'only-cli-imports-cli',
      comment:
        'only cli/ and the entry points import cli/: application code gets what it needs passed in (src/runtime/)',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(cli/|bin[.]ts$|bin-cjs[.]ts$|prepare[.]ts$)' },
      to: { path: '^src/cli/' },
    },
    ...upwardImportRules(),
    {
      name: 'no-circular',
      comment:
        'no import cycle between modules: a shared type or helper belongs in a small module of its own',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'in-a-layer',
      comment:
        'every module of src/ belongs to a layer: add its directory to LAYERS in .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^src/', pathNot: ANY_LAYER },
      to: {},
    },
    {
      name: 'into-a-layer',
      comment:
        'every module of src/ belongs to a layer: add its directory to LAYERS in .dependency-cruiser.cjs',
      severity: 'error',
      from: {},
      to: { path: '^src/', pathNot: ANY_LAYER },
    },
    {
      name: 'who-starts-programs',
      comment:
        'git is started only from src/git/; other programs only where the list in .dependency-cruiser.cjs says',
      severity: 'error',
      from: { path: '^src/', pathNot: STARTS_PROGRAMS.map((place) => `(${place})`).join('|') },
      to: { path: '^(node:)?child_process$' },
    },
    {
      name: 'resolvable',
      comment: 'an import that resolves to nothing',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    // swc reads TypeScript here: dependency-cruiser's own TypeScript support needs TypeScript < 7.
    parser: 'swc',
    // Type-only imports count: a type from a higher layer is a dependency on it all the same.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
  },
};
