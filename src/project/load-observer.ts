// What a caller may learn while the workspace loads: the CLI turns it into --verbose lines and a
// progress indicator; the hooks and the merge driver pass nothing and stay silent.
import type { AlembicEnvironment } from '../alembic/environment.js';
import type { Workspace } from './workspace-types.js';

/** Callbacks during loadHistories, in this order: skipped files, opened, then reading/read per environment. */
export interface LoadObserver {
  /** Discovery did not read `file` (repository-relative), for `reason`. */
  skipped?(file: string, reason: string): void;
  /** The project config is loaded and the environments are discovered. */
  opened?(workspace: Workspace): void;
  /** About to read the revision files of `environment`, the `index`-th (0-based) of `count`. */
  reading?(environment: AlembicEnvironment, index: number, count: number): void;
  /** Within one environment's scan, `read` of its `total` revision files are read (when the scan reports it). */
  progress?(environment: AlembicEnvironment, read: number, total: number): void;
  /** The revision files of `environment` are read and its graph is built. */
  read?(environment: AlembicEnvironment, revisions: number): void;
}
