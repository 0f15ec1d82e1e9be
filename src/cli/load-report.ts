// Turns the workspace's load steps into what the user sees: --verbose lines naming the project
// config, each environment and what reading it cost, and the progress indicator of a long load.
import { LoadMessages } from '../messages/cli.js';
import { repositoryPath } from '../project/heads-files.js';
import type { LoadObserver } from '../project/load-observer.js';
import type { CommandRuntime } from './command.js';
import { relativeConfigPath } from './present.js';
import { ProgressIndicator, progressEnabled, type Schedule } from './progress.js';

/** Clock and timer, injectable for tests. */
export interface LoadReportClock {
  readonly now: () => number;
  readonly schedule?: Schedule;
}

// Date.now: milliseconds are all the progress line and --verbose show, and the global
// `performance` loads node:perf_hooks (a dozen modules) on first use.
const REAL_CLOCK: LoadReportClock = { now: () => Date.now() };

/**
 * Runs `load` with an observer that reports on `runtime`, and always removes the progress line
 * afterwards, also when loading fails (the error line must start on a clean line).
 */
export async function reportLoading<T>(
  runtime: CommandRuntime,
  load: (observer: LoadObserver) => Promise<T>,
  clock: LoadReportClock = REAL_CLOCK,
): Promise<T> {
  const { ctx, out } = runtime;
  const enabled = progressEnabled(ctx.stderr, ctx.env, out.verbosity === 'quiet');
  const progress = new ProgressIndicator({
    stream: ctx.stderr,
    enabled,
    now: clock.now,
    ...(clock.schedule === undefined ? {} : { schedule: clock.schedule }),
  });
  progress.update(LoadMessages.DISCOVERING);
  try {
    return await load(loadObserver(runtime, enabled ? progress : undefined, clock.now));
  } finally {
    progress.stop();
  }
}

// Without a progress line (not a TTY, --quiet) the scan is not asked for its counts at all.
function loadObserver(
  { out }: CommandRuntime,
  progress: ProgressIndicator | undefined,
  now: () => number,
): LoadObserver {
  // Verbose lines interrupt the progress line; it comes back with the next update.
  const verbose = (text: string): void => {
    if (out.verbosity !== 'verbose') return;
    progress?.erase();
    out.verbose(text);
  };
  let repoRoot = '';
  let position = { environment: 1, environments: 1 };
  let startedAt = 0;
  return {
    skipped(file, reason) {
      verbose(LoadMessages.skipped(file, reason));
    },
    opened(workspace) {
      repoRoot = workspace.repoRoot;
      verbose(
        LoadMessages.projectConfig(
          workspace.config.file === undefined
            ? undefined
            : repositoryPath(workspace.config.file, repoRoot),
        ),
      );
    },
    reading(environment, index, count) {
      const locations = environment.versionLocations.map((location) =>
        repositoryPath(location, repoRoot),
      );
      verbose(
        LoadMessages.environment(
          environment.name,
          relativeConfigPath(environment, repoRoot),
          environment.section,
          locations,
        ),
      );
      position = { environment: index + 1, environments: count };
      progress?.update(LoadMessages.progress(position.environment, position.environments));
      startedAt = now();
    },
    ...(progress === undefined
      ? {}
      : {
          progress(_environment: unknown, read: number, total: number) {
            progress.update(
              LoadMessages.progress(position.environment, position.environments, { read, total }),
            );
          },
        }),
    read(environment, revisions) {
      verbose(LoadMessages.read(environment.name, revisions, Math.round(now() - startedAt)));
    },
  };
}
