// Our hooks as the pre-commit framework knows them: the ids this package's
// .pre-commit-hooks.yaml defines and the git hook types they run in. Kept apart from the YAML
// reader (setup/pre-commit-yaml.ts, which loads `yaml`) because the setup record's validation,
// on every hook's config load, checks against them too.

/** The hook ids this package's .pre-commit-hooks.yaml defines; the first finds our entry. */
export const OUR_HOOK_IDS = ['git-alembic', 'git-alembic-post-commit'] as const;
/** The git hooks those run in, as `pre-commit install --hook-type` names them. */
export const OUR_HOOK_TYPES = [
  'pre-commit',
  'post-checkout',
  'post-merge',
  'post-rewrite',
  'post-commit',
] as const;
/** The hook types each of our hook ids needs installed. */
export const HOOK_TYPES_OF: Readonly<Record<string, readonly string[]>> = {
  'git-alembic': ['pre-commit', 'post-checkout', 'post-merge', 'post-rewrite'],
  'git-alembic-post-commit': ['post-commit'],
};
/** What pre-commit installs when `default_install_hook_types` is absent. */
export const DEFAULT_HOOK_TYPES: readonly string[] = ['pre-commit'];
export const HOOK_TYPES_KEY = 'default_install_hook_types';
