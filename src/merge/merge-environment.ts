// Everything a merge needs from one Alembic environment, checked before anything is written:
// the time zone, the output codec, the template, the post-write hooks and the naming settings.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { displayPath } from '../alembic/config-files.js';
import type { AlembicEnvironment } from '../alembic/environment.js';
import type { ResolvedConfig } from '../config/schema.js';
import { hookCommands, REVISION_SCRIPT_TOKEN } from '../core/merge/hook-commands.js';
import type { MergeSettings } from '../core/merge/merge-plan.js';
import {
  type OutputCodec,
  outputCodec,
  SUPPORTED_ENCODINGS,
} from '../core/merge/output-encoding.js';
import type { MergeTemplate } from '../core/merge/render-merge.js';
import { resolveTimeZone, type Zone } from '../core/naming/create-date.js';
import { ConfigError, InputError } from '../errors.js';
import { MergeMessages } from '../messages/merge.js';

/** One environment, ready for merging. */
export interface MergeEnvironment {
  readonly environment: AlembicEnvironment;
  readonly settings: MergeSettings;
  /** The configured `timezone`, resolved; undefined when none is set. */
  readonly timezone: Zone | undefined;
  readonly codec: OutputCodec;
  readonly template: MergeTemplate;
}

/** Checks and resolves an environment's merge settings; throws UserError naming the file and key. */
export async function prepareMergeEnvironment(
  environment: AlembicEnvironment,
  repoRoot: string,
  config: ResolvedConfig,
): Promise<MergeEnvironment> {
  const configFile = displayPath(environment.configFile, repoRoot);
  const timezone = timezoneOf(environment, configFile);
  const codec = outputCodec(environment.outputEncoding);
  if (codec === undefined)
    throw new ConfigError(
      configFile,
      'output_encoding',
      MergeMessages.unsupportedEncoding(environment.outputEncoding, SUPPORTED_ENCODINGS),
    );
  // Hook mistakes are configuration mistakes: report them before writing (Alembic does after).
  hookCommands(environment.postWriteHooks, REVISION_SCRIPT_TOKEN, environment.revisionEnvironment);
  const settings: MergeSettings = {
    configFile,
    fileTemplate: environment.fileTemplate,
    truncateSlugLength: environment.truncateSlugLength,
    versionLocations: environment.versionLocations.map(forwardSlashes),
    recursiveVersionLocations: environment.recursiveVersionLocations,
    messageTemplate: config.message,
  };
  return {
    environment,
    settings,
    timezone,
    codec,
    template: await readTemplate(environment, repoRoot),
  };
}

/** A path with forward slashes, as the pure core compares paths. */
export function forwardSlashes(file: string): string {
  return file.split(path.sep).join('/');
}

function timezoneOf(environment: AlembicEnvironment, configFile: string): Zone | undefined {
  if (environment.timezone === undefined) return undefined;
  const zone = resolveTimeZone(environment.timezone);
  if (zone === undefined)
    throw new ConfigError(
      configFile,
      'timezone',
      MergeMessages.unknownTimezone(environment.timezone),
    );
  return zone;
}

async function readTemplate(
  environment: AlembicEnvironment,
  repoRoot: string,
): Promise<MergeTemplate> {
  const file = path.join(environment.scriptLocation, 'script.py.mako');
  const name = displayPath(file, repoRoot);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const missing =
      typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
    const detail = error instanceof Error ? error.message : String(error);
    throw new InputError(
      { file: name },
      missing ? MergeMessages.templateMissing(name) : MergeMessages.templateUnreadable(detail),
      { cause: error },
    );
  }
  try {
    return { source: new TextDecoder('utf-8', { fatal: true }).decode(bytes), name };
  } catch (error) {
    // Mako decodes templates as UTF-8 unless they declare another encoding; we support UTF-8 only.
    throw new InputError({ file: name }, MergeMessages.TEMPLATE_NOT_UTF8, { cause: error });
  }
}
