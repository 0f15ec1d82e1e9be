// Findings that `check` (and later `doctor`) report, each with a stable ID and a hint, so CI
// logs, docs and people can refer to them. The README lists every ID.

/** A place a finding points at. */
export interface FindingLocation {
  readonly file: string;
  readonly line?: number | undefined;
}

/** One problem found, ready to print in any format. */
export interface Finding {
  readonly id: FindingId;
  /** The environment's display name. */
  readonly environment: string;
  readonly message: string;
  readonly hint: string;
  readonly locations: readonly FindingLocation[];
}

/** Every finding ID with its one-line title. IDs never change meaning. */
export const FINDING_TITLES = {
  GA101: 'diverged history: two or more heads on the same branch',
} as const;

export type FindingId = keyof typeof FINDING_TITLES;
