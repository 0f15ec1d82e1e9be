// The bundles that start on every commit, merge and CI build (dist/fast/*.cjs: the hooks, heads,
// check and the merge driver) are loaded through V8's code cache, which Node 20 offers for
// scripts only (vm.Script's cachedData). Compiling them was a fifth of a hook's time: the top
// level of a few hundred kilobytes, then every function on its first call. The cache is made at
// the end of a run, so it holds the functions that run compiled as well; Node 22's
// module.enableCompileCache makes its cache right after the top level is compiled and gave the
// hooks nothing measurable. Measured: heads on 1,000 revisions 110 -> 93 ms.
//
// One file per bundle, hook, build, Node and node options, in the directory src/compile-cache.ts
// chooses (never one a merge can write: V8 runs cached code it has not compared with the
// source), written whole and renamed into place. V8 rejects a cache made by another V8 or with other flags; it does not check the data
// itself in release builds, so the file carries a CRC-32 of it, and a file that fails that check,
// or that V8 rejects, is remade silently. A run that enters a part of the bundle the cache's run
// did not (src/runtime/code-parts.ts: the hooks' slow path, the merge writer) remakes it with
// both. Any failure to read or write the cache only costs the cache; NODE_DISABLE_COMPILE_CACHE=1
// turns it off.
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

/** A CommonJS bundle of ours: its file and the hash of its text (made by the build). */
export interface HotBundle {
  /** A name without `-` (hook, heads…). */
  readonly name: string;
  readonly file: string;
  readonly hash: string;
  /**
   * What this run does with it (each hook: `pre-commit`…): each way has a cache of its own,
   * holding only the code that way runs (a smaller cache loads faster).
   */
  readonly variant?: string | undefined;
}

// The head of a cache file: magic, CRC-32 of the rest, length of the parts list.
const MAGIC = 0x47414331; // "GAC1"
const HEADER = 12;

/** What a bundle's entry exports to the loader (src/runtime/code-parts.ts), besides its own exports. */
interface BundleExports {
  readonly enteredCodeParts?: () => ReadonlySet<string>;
}

/** A cache file as read: the V8 data and the parts its run had entered. */
interface StoredCache {
  readonly data: Buffer;
  readonly parts: readonly string[];
}

/**
 * Runs `bundle` (a CommonJS file) and returns its exports, compiled from the code cache in
 * `cacheDirectory` when there is a usable one; undefined directory: no cache.
 */
export function loadBundle<T>(bundle: HotBundle, cacheDirectory: string | undefined): T {
  const source = readFileSync(bundle.file, 'utf8');
  const cacheFile =
    cacheDirectory === undefined || typeof zlib.crc32 !== 'function'
      ? undefined
      : path.join(cacheDirectory, cacheFileName(bundle));
  const stored = cacheFile === undefined ? undefined : readCache(cacheFile);
  // The parameters CommonJS gives a module, as Node's own wrapper names them.
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, {
    filename: bundle.file,
    ...(stored === undefined ? {} : { cachedData: stored.data }),
  });
  const accepted = stored !== undefined && script.cachedDataRejected !== true;
  const holder = { exports: {} as T & BundleExports };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(
    holder.exports,
    holder.exports,
    module.createRequire(bundle.file),
    holder,
    bundle.file,
    path.dirname(bundle.file),
  );
  if (cacheFile !== undefined) {
    process.once('exit', () => {
      const entered = holder.exports.enteredCodeParts?.() ?? new Set<string>();
      const known = accepted ? stored.parts : [];
      if (accepted && [...entered].every((part) => known.includes(part))) return;
      saveCache(cacheFile, bundle, script, [...new Set([...known, ...entered])].sort());
    });
  }
  return holder.exports;
}

// The build (its hash names the text exactly: V8 compares only the length), this Node, this
// machine, and the options node runs with: V8 rejects a cache made under other flags, so two
// ways of starting node (a profiler, NODE_OPTIONS in one shell) each keep their own.
function cacheFileName(bundle: HotBundle): string {
  const options = fnv1a(`${process.execArgv.join('\0')}\0${process.env['NODE_OPTIONS'] ?? ''}`);
  return `${bundle.name}-${bundle.hash}-${bundle.variant ?? 'all'}-${process.version}-${process.arch}-${options}.v8cache`;
}

// FNV-1a, 32 bits: a short name for the options.
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++)
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

function readCache(file: string): StoredCache | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    // None yet (or unreadable): this run compiles, and makes one.
    return undefined;
  }
  if (
    bytes.length < HEADER ||
    bytes.readUInt32BE(0) !== MAGIC ||
    bytes.readUInt32BE(4) !== zlib.crc32(bytes.subarray(8))
  )
    return undefined;
  const partsEnd = HEADER + bytes.readUInt32BE(8);
  if (partsEnd > bytes.length) return undefined;
  const partsText = bytes.toString('utf8', HEADER, partsEnd);
  return { data: bytes.subarray(partsEnd), parts: partsText === '' ? [] : partsText.split('\n') };
}

// Written to a file of this process's own, then renamed: a reader sees the old file or the new.
// The file is created before the data is made (about 3 ms), which a read-only install never needs.
function saveCache(
  file: string,
  bundle: HotBundle,
  script: vm.Script,
  parts: readonly string[],
): void {
  const temporary = `${file}.${process.pid}.tmp`;
  let descriptor: number;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    descriptor = openSync(temporary, 'wx');
  } catch {
    // An unwritable node_modules (a read-only install): runs compile as they did without a cache.
    return;
  }
  try {
    const partsText = Buffer.from(parts.join('\n'));
    const header = Buffer.alloc(HEADER);
    header.writeUInt32BE(MAGIC, 0);
    header.writeUInt32BE(partsText.length, 8);
    const bytes = Buffer.concat([header, partsText, script.createCachedData()]);
    bytes.writeUInt32BE(zlib.crc32(bytes.subarray(8)), 4);
    writeFileSync(descriptor, bytes);
    closeSync(descriptor);
    renameSync(temporary, file);
    removeOtherBuilds(path.dirname(file), bundle);
  } catch {
    // A full disk, say: no cache this time.
    try {
      closeSync(descriptor);
    } catch {
      // Closed already.
    }
    try {
      unlinkSync(temporary);
    } catch {
      // Renamed already, or never there.
    }
  }
}

// The caches of earlier builds of this bundle (a checkout rebuilt) are of no further use.
function removeOtherBuilds(directory: string, bundle: HotBundle): void {
  for (const name of readdirSync(directory)) {
    const [bundleName, hash] = name.split('-');
    if (bundleName === bundle.name && hash !== bundle.hash && name.endsWith('.v8cache')) {
      try {
        unlinkSync(path.join(directory, name));
      } catch {
        // Another process removed it first.
      }
    }
  }
}
