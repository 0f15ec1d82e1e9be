// node:child_process (with net, streams and dgram: about 3 ms) loaded on first use, so a run
// that never starts git (heads outside a repository, a merge driver whose merge is clean) never
// loads it. Shared by the hooks' git process and the merge driver's `git merge-file`.
import type { spawnSync as SpawnSync } from 'node:child_process';
import module from 'node:module';

let loaded: typeof SpawnSync | undefined;

/** node's spawnSync, loading node:child_process on the first call. */
export function lazySpawnSync(): typeof SpawnSync {
  loaded ??= (
    module.createRequire(import.meta.url)('node:child_process') as { spawnSync: typeof SpawnSync }
  ).spawnSync;
  return loaded;
}
