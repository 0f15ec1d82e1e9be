// Post-write hooks as Alembic lists them (config.py: get_hooks_list): if the ini has a
// [post_write_hooks] section (even an empty one) only the ini counts, otherwise the
// [[tool.alembic.post_write_hooks]] tables of pyproject.toml.
import { ConfigError } from '../../../errors.js';
import { hasSection, sectionItems } from '../configparser.js';
import { splitLegacy } from '../version-locations.js';
import {
  formatTomlString,
  tomlError,
  tomlTypeName,
  tomlValue,
  type AlembicSources,
  type TomlSource,
} from './sources.js';
import {
  TOML_EXPECTED_HOOK_TABLE,
  TOML_EXPECTED_LIST,
  TOML_EXPECTED_STRING,
  TOML_HOOK_NAME_MISSING,
} from '../../../messages/alembic-config.js';

/** One hook: its name, `type`, and every other option with the `<name>.` prefix removed. */
export interface HookConfig {
  readonly name: string;
  /** `type` (`console_scripts`, `exec`, `module`, or a custom one registered in env.py). */
  readonly type: string | undefined;
  /** The hook's other options, prefix removed (`entrypoint`, `executable`, `options`, `cwd`, …). */
  readonly options: Readonly<Record<string, string>>;
}

const HOOKS_SECTION = 'post_write_hooks';

/** The environment's post-write hooks, in the order Alembic runs them. */
export function postWriteHooksOf(sources: AlembicSources): HookConfig[] {
  const ini = sources.ini;
  if (ini !== undefined && hasSection(ini.document, HOOKS_SECTION))
    return iniHooks(sectionItems(ini.document, HOOKS_SECTION));
  if (sources.toml === undefined) return [];
  return tomlHooks(sources, sources.toml);
}

// `hooks = a, b` names the hooks; `a.type = exec` and the like are their options. Like Python,
// the section's items include DEFAULT's (`here`) and names are matched case-sensitively against
// lower-cased keys.
function iniHooks(items: ReadonlyMap<string, string>): HookConfig[] {
  const names = splitLegacy(items.get('hooks') ?? '').filter((name) => name !== '');
  return names.map((name) => {
    const prefixed = [...items].filter(([key]) => key.startsWith(`${name}.`));
    return hookFrom(
      name,
      Object.fromEntries(prefixed.map(([key, value]) => [key.slice(name.length + 1), value])),
    );
  });
}

function tomlHooks(sources: AlembicSources, toml: TomlSource): HookConfig[] {
  const setting = tomlValue(sources, HOOKS_SECTION);
  if (setting === undefined) return [];
  if (!Array.isArray(setting.value))
    throw tomlError(setting, TOML_EXPECTED_LIST(tomlTypeName(setting.value)));
  return setting.value.map((table: unknown, index) => {
    const key = `${setting.key}[${index}]`;
    if (
      typeof table !== 'object' ||
      table === null ||
      Array.isArray(table) ||
      table instanceof Date
    ) {
      throw tomlError({ file: toml.file, key }, TOML_EXPECTED_HOOK_TABLE(tomlTypeName(table)));
    }
    const options = Object.fromEntries(
      Object.entries(table).map(([option, value]: [string, unknown]) => {
        if (typeof value !== 'string')
          throw tomlError(
            { file: toml.file, key: `${key}.${option}` },
            TOML_EXPECTED_STRING(tomlTypeName(value)),
          );
        return [option, formatTomlString(toml, `${key}.${option}`, value)];
      }),
    );
    const { name, ...rest } = options;
    if (name === undefined) throw new ConfigError(toml.file, key, TOML_HOOK_NAME_MISSING);
    return hookFrom(name, rest);
  });
}

function hookFrom(name: string, options: Record<string, string>): HookConfig {
  const { type, ...rest } = options;
  return { name, type, options: rest };
}
