// Where a merge revision goes: the version location that holds its first parent's file, as
// Alembic does with several locations (with one location, that one). Paths are absolute with
// forward slashes, so this stays a pure string rule.
//
// Difference from Alembic: with `recursive_version_locations` a parent may sit in a
// subdirectory of its location. Alembic takes the parent's own directory and then fails with
// "Path … is not represented in current version locations" when there are several locations;
// we use the location that contains it.

/**
 * The version location containing `file` (the deepest one when locations nest), or the first
 * location when none does.
 */
export function versionLocationOf(file: string, locations: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const location of locations) {
    const prefix = location.endsWith('/') ? location : `${location}/`;
    if (file.startsWith(prefix) && (best === undefined || location.length > best.length))
      best = location;
  }
  return best ?? locations[0];
}
