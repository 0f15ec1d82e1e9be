// One error taxonomy. Only cli/main.ts catches these and turns them into exit codes.
// This module is pure (no node:*), so the core may throw these errors too.
import { ExitCode } from './exit-codes.js';

/** Where in a file a problem is; printed as `file:line` or `file`. */
export interface FileLocation {
  readonly file: string;
  readonly line?: number | undefined;
}

/** Renders `file:line`, or `file` when the line is unknown. */
export function formatLocation(location: FileLocation): string {
  return location.line === undefined ? location.file : `${location.file}:${location.line}`;
}

/** An expected failure: printed as one line (plus an optional hint), never with a stack. */
export class UserError extends Error {
  readonly exitCode: ExitCode;
  readonly hint: string | undefined;

  constructor(
    message: string,
    options: { exitCode?: ExitCode; hint?: string | undefined; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? ExitCode.BAD_INPUT;
    this.hint = options.hint;
  }
}

/** Bad command-line usage (exit 64). */
export class UsageError extends UserError {
  constructor(message: string, hint?: string) {
    super(message, { exitCode: ExitCode.USAGE, hint });
  }
}

/** Bad input in a named file: a revision file, an alembic.ini, a template, our own config. */
export class InputError extends UserError {
  readonly location: FileLocation;

  constructor(
    location: FileLocation,
    message: string,
    options: { hint?: string | undefined; cause?: unknown } = {},
  ) {
    super(`${formatLocation(location)}: ${message}`, { ...options, exitCode: ExitCode.BAD_INPUT });
    this.location = location;
  }
}

/** A configuration problem: names the file and the key. */
export class ConfigError extends InputError {
  readonly key: string | undefined;

  constructor(
    file: string,
    key: string | undefined,
    message: string,
    options: { hint?: string; cause?: unknown; line?: number } = {},
  ) {
    super(
      { file, line: options.line },
      key === undefined ? message : `${key}: ${message}`,
      options,
    );
    this.key = key;
  }
}

/** Not inside a git work tree (or git is missing). */
export class NotAGitRepositoryError extends UserError {
  constructor(directory: string, cause?: unknown) {
    super(`not a git repository: ${directory}`, {
      hint: 'run git-alembic inside a git work tree',
      cause,
    });
  }
}

/** Inside a bare repository: git-alembic reads and writes a work tree, and there is none. */
export class BareRepositoryError extends UserError {
  constructor(directory: string, cause?: unknown) {
    super(`a bare repository: ${directory} (it has no work tree to read migrations from)`, {
      hint: 'run git-alembic in a clone with a work tree',
      cause,
    });
  }
}

/** A git command failed in a way we did not expect. */
export class GitCommandError extends UserError {
  readonly args: readonly string[];

  constructor(args: readonly string[], message: string, cause?: unknown) {
    super(`git ${args.join(' ')} failed: ${message}`, { cause });
    this.args = args;
  }
}
