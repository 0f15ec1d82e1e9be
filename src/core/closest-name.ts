// "Did you mean …?" for misspelt config keys: a case-, dash- and underscore-insensitive match
// (on_merge → onMerge), else the nearest name within two edits.

/** The known name closest to `name`, or undefined when none is close enough. */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const folded = fold(name);
  const sameLetters = known.find((candidate) => fold(candidate) === folded);
  if (sameLetters !== undefined) return sameLetters;
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(folded, fold(candidate));
    if (distance <= 2 && (best === undefined || distance < best.distance))
      best = { name: candidate, distance };
  }
  return best?.name;
}

function fold(name: string): string {
  return name.toLowerCase().replace(/[-_\s]/g, '');
}

// Levenshtein distance with one row of memory.
function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let row = 1; row <= left.length; row += 1) {
    const current = [row];
    for (let column = 1; column <= right.length; column += 1) {
      const substitution =
        (previous[column - 1] as number) + (left[row - 1] === right[column - 1] ? 0 : 1);
      current.push(
        Math.min(
          substitution,
          (previous[column] as number) + 1,
          (current[column - 1] as number) + 1,
        ),
      );
    }
    previous = current;
  }
  return previous[right.length] as number;
}
