// Which lazily loaded parts of a hook this process ran: the slow path, the merge writer. The code
// cache of the bundles that start on every commit (src/code-cache.ts) holds what the run that
// made it compiled; a run that enters a part that run did not remakes it, so a cache first made
// by a hook that ended early still comes to hold the merge writer. Each part notes itself where
// it is loaded; the bundles' entries pass the list on to the loader.
const entered = new Set<string>();

/** Notes that this process runs the part called `name`. */
export function enterCodePart(name: string): void {
  entered.add(name);
}

/** The parts entered so far. */
export function enteredCodeParts(): ReadonlySet<string> {
  return entered;
}
