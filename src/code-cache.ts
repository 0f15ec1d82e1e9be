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
// source), written whole and renamed into place. V8 rejects a cache made by another V8 or with
// other flags; it does not check the data itself in release builds, so the file holds it twice
// and a file whose two copies differ, or that V8 rejects, is remade silently. (A CRC-32 needs
// node:zlib, whose loading costs 2 ms of every start; a checksum in JavaScript, 3 ms for 300 KB
// of cold code; comparing two copies, a few microseconds.) A run that enters a part of the
// bundle the cache's run did not (src/runtime/code-parts.ts: the hooks' slow path, the merge
// writer) remakes it with both. Any failure to read or write the cache only costs the cache;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
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

// A cache file: magic, the body's length, the body twice. The body: the parts list's length,
// the parts list, the V8 data.
const MAGIC = 0x47414332; // "GAC2"
const HEADER = 8;
const PARTS_LENGTH = 4;

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
    cacheDirectory === undefined ? undefined : path.join(cacheDirectory, cacheFileName(bundle));
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
  if (bytes.length < HEADER + 2 * PARTS_LENGTH || bytes.readUInt32BE(0) !== MAGIC) return undefined;
  const bodyLength = bytes.readUInt32BE(4);
  if (bytes.length !== HEADER + 2 * bodyLength) return undefined;
  const body = bytes.subarray(HEADER, HEADER + bodyLength);
  if (!body.equals(bytes.subarray(HEADER + bodyLength))) return undefined;
  const partsEnd = PARTS_LENGTH + body.readUInt32BE(0);
  if (partsEnd > body.length) return undefined;
  const partsText = body.toString('utf8', PARTS_LENGTH, partsEnd);
  return { data: body.subarray(partsEnd), parts: partsText === '' ? [] : partsText.split('\n') };
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
    const partsLength = Buffer.alloc(PARTS_LENGTH);
    partsLength.writeUInt32BE(partsText.length, 0);
    const body = Buffer.concat([partsLength, partsText, script.createCachedData()]);
    const header = Buffer.alloc(HEADER);
    header.writeUInt32BE(MAGIC, 0);
    header.writeUInt32BE(body.length, 4);
    writeFileSync(descriptor, Buffer.concat([header, body, body]));
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
