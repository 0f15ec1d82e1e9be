// `npm test` runs AVA with npm's settings for this package exported as npm_* variables (its
// lifecycle, prefix, cache, name and version); npm, pnpm and yarn run for a scenario must not
// inherit them. One place says which variables go.

/** What else goes besides the lower-case npm_* settings npm exports. */
export interface NpmSettingsPolicy {
  /** Also NPM_* and other spellings, which npm reads as settings too (default true). */
  readonly anyCase?: boolean;
  /** Keep NODE_EXTRA_CA_CERTS (default false: it slows every node start). */
  readonly keepCaCerts?: boolean;
}

/**
 * `env` with npm's settings cleared: set to undefined, which execFile leaves out of the child's
 * environment, and which clears `TempRepo.env`'s copies when passed as `RunOptions.env`.
 */
export function withoutNpmSettings(
  env: Readonly<Record<string, string | undefined>>,
  { anyCase = true, keepCaCerts = false }: NpmSettingsPolicy = {},
): Record<string, string | undefined> {
  const cleared: Record<string, string | undefined> = { ...env };
  for (const key of Object.keys(env))
    if ((anyCase ? key.toLowerCase() : key).startsWith('npm_')) cleared[key] = undefined;
  if (!keepCaCerts) cleared['NODE_EXTRA_CA_CERTS'] = undefined;
  return cleared;
}
