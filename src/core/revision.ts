// The domain types the pure core speaks. A revision here is what Alembic's RevisionMap
// receives: already normalised, with no idea which file system it came from.

/** A value a project maps a non-literal expression to (config `constants`). */
export type ConstantValue = string | readonly string[] | null;

/** One revision, normalised the way Alembic normalises a module's attributes. */
export interface Revision {
  /** The `revision` attribute (or the legacy hex file-name fallback). */
  readonly id: string;
  /** `down_revision` as a tuple: [] for a base, one entry for a plain revision, more for a merge. */
  readonly downRevisions: readonly string[];
  /** `depends_on` entries as written: revision ids or branch labels, resolved by the graph. */
  readonly dependencies: readonly string[];
  /**
   * True for `depends_on = ""` (or `("",)`): no dependency, yet Alembic keeps the empty string
   * rather than None, so the revision is never a *real* base. That can make Alembic fail with
   * "Dependency cycle is detected" on a history without any cycle.
   */
  readonly dependsOnEmptyString?: boolean | undefined;
  /** The revision's own `branch_labels` (not the propagated ones). */
  readonly branchLabels: readonly string[];
  /** The file, as it should appear in messages (relative to the repository when known). */
  readonly file: string;
  /** 1-based line of the `revision` binding; undefined for the file-name fallback. */
  readonly line?: number | undefined;
  /** First paragraph of the module docstring, for display only (Alembic's `Script.doc`). */
  readonly doc?: string | undefined;
  /** `Create Date:` from the docstring header, verbatim, when present; display and fallback only. */
  readonly createDate?: string | undefined;
}
