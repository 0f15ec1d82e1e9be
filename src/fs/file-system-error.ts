// What went wrong with a file, in words, for one-line messages: the reason without Node's
// "EACCES: …, open '/abs/path/.tmp-…'" noise. Any error that is not a file-system error (a bug)
// is not recognised here, so callers rethrow it.

const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a parent is not a directory',
  ELOOP: 'too many levels of symbolic links',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  ENAMETOOLONG: 'the name is too long',
  EBUSY: 'the file is busy',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
};

/** The reason a file-system call failed, or undefined when `error` is not such a failure. */
export function fileSystemReason(error: unknown): string | undefined {
  if (
    !(error instanceof Error) ||
    !('code' in error) ||
    typeof error.code !== 'string' ||
    !('syscall' in error)
  )
    return undefined;
  return REASONS[error.code] ?? error.code;
}
