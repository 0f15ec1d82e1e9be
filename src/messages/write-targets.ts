// User-facing text of the check every written path goes through (src/fs/write-target.ts).

/** Why a path git-alembic would write is refused. */
export const WriteTargetMessages = {
  outside: (
    file: string,
    resolved: string,
    origin: { key: string; file: string } | undefined,
  ): string =>
    `${file}${origin === undefined ? '' : ` (from ${origin.key} in ${origin.file})`} ${resolved === file ? 'is' : `resolves to ${resolved},`} ` +
    "outside the repository's work tree (or inside .git); git-alembic writes only inside it",
  OUTSIDE_HINT:
    'Alembic would write there; git-alembic refuses: point the setting at a directory inside the repository',
  symbolicLink: (file: string, target: string): string =>
    `${file} is a symbolic link (to ${target}); git-alembic does not write through links`,
  linkHint: (origin: { key: string; file: string } | undefined): string =>
    `replace the link with a file of its own${origin === undefined ? '' : `, or point ${origin.key} in ${origin.file} elsewhere`}`,
  linkLoop: (file: string): string =>
    `${file}: too many levels of symbolic links; git-alembic does not write there`,
} as const;
