// Strings a Revision keeps must not keep the file's text alive. In V8 a substring of 13 or
// more characters is a view of its parent string, so one `doc` or id sliced out of a source
// would hold the whole file (5 KB) until the Revision dies: megabytes for a large history,
// all copied again by every garbage collection.

// Below this length V8 copies substrings anyway (SlicedString::kMinLength).
const VIEW_MINIMUM_LENGTH = 13;

/** The same text, stored on its own rather than as a view into a larger string. */
export function detachedText(text: string): string {
  // Slicing a concatenation flattens it into a new string first, so the result no longer
  // refers to the original parent.
  return text.length < VIEW_MINIMUM_LENGTH ? text : ` ${text}`.slice(1);
}
