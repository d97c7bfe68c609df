/**
 * V8 code cache for the juesuan command's own modules, so a new process does not compile the engine again.
 *
 * A new `juesuan` process spends most of its first check compiling functions the first time they run (V8
 * compiles lazily). Node 22.1+ has a module compile cache (`module.enableCompileCache`), used when present.
 * Node 20 has none, so on Node 20 the CommonJS loader is wrapped for files under the package root: each
 * module is compiled with the cached data recorded for exactly that source (sha1 of the text), and at exit,
 * if anything was missing or rejected, the cache is written again from the scripts as they are then — which
 * includes every function compiled while the command ran, not just the ones compiled at load time.
 *
 * The cache is an optimisation only: a missing, stale, corrupt, foreign (other Node/V8) or unwritable cache
 * is ignored and the command runs exactly as without it (tested in test/cli/compile-cache.test.ts). It
 * lives in the user's cache directory (JUESUAN_CACHE_DIR overrides it; JUESUAN_NO_COMPILE_CACHE=1 or
 * NODE_DISABLE_COMPILE_CACHE=1 turns it off), never in the install directory, so read-only installs work.
 */
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import nodeModule from "node:module";
import { homedir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { Script } from "node:vm";

/** What one process did with the cache (for tests and the bench). */
export interface CompileCacheStats {
  mode: "off" | "node" | "vm";
  file?: string;
  /** modules compiled from cached data */
  hits: number;
  /** modules with no usable entry (none, other source, or rejected by V8) */
  misses: number;
  /** the cache file was (re)written at exit */
  written: boolean;
}

interface Entry {
  /** sha1 of the module's source */
  hash: string;
  /** sha1 of data: V8 does not checksum code cache in release builds, and deserialising damaged data aborts the process */
  sum: string;
  data: Buffer;
}

interface LoaderModule {
  exports: unknown;
  require(id: string): unknown;
  _compile(content: string, filename: string, ...rest: unknown[]): unknown;
}

interface LoaderStatics {
  prototype: LoaderModule;
  wrap(content: string): string;
  _resolveFilename(request: string, parent: LoaderModule, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: LoaderModule): string[] | null;
  _cache: unknown;
  _extensions: unknown;
  enableCompileCache?: (dir?: string) => { status: number; directory?: string };
  flushCompileCache?: () => void;
}

const MAGIC = "juesuan-v8-cache-2\n";
/** what every format version of the cache file starts with */
const OWN_PREFIX = "juesuan-v8-cache-";
/** A cache larger than this is not read (it would only be a broken or foreign file). */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

const mainModule = require.main;
let stats: CompileCacheStats = { mode: "off", hits: 0, misses: 0, written: false };

export function compileCacheStats(): CompileCacheStats {
  return { ...stats };
}

function sha1(data: string | Buffer): string {
  return createHash("sha1").update(data).digest("hex");
}

/** The user's cache directory for juesuan (per platform), or null when there is no home. */
function defaultCacheDir(): string | null {
  const env = process.env;
  if (env.JUESUAN_CACHE_DIR) return env.JUESUAN_CACHE_DIR;
  const home = homedir();
  if (process.platform === "win32") return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, "juesuan", "Cache") : null;
  if (!home) return null;
  if (process.platform === "darwin") return join(home, "Library", "Caches", "juesuan");
  return join(env.XDG_CACHE_HOME || join(home, ".cache"), "juesuan");
}

interface CacheFile {
  /** written after a run that did the command's work (a check), so its entries hold the engine's functions */
  complete: boolean;
  entries: Map<string, Entry>;
}

/** Reads the cache file; anything unexpected gives an empty cache. Layout: MAGIC, header length (u32 LE), JSON header, blobs. */
function readCache(file: string): CacheFile {
  const empty: CacheFile = { complete: false, entries: new Map() };
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return empty;
  }
  try {
    if (bytes.length > MAX_CACHE_BYTES || bytes.toString("latin1", 0, MAGIC.length) !== MAGIC) return empty;
    const headerLength = bytes.readUInt32LE(MAGIC.length);
    const start = MAGIC.length + 4;
    const header = JSON.parse(bytes.toString("utf8", start, start + headerLength)) as { complete: unknown; entries: { key: string; hash: string; sum: string; offset: number; length: number }[] };
    const base = start + headerLength;
    const entries = new Map<string, Entry>();
    for (const e of header.entries) {
      const from = base + e.offset;
      if (typeof e.key !== "string" || typeof e.hash !== "string" || typeof e.sum !== "string" || !(e.length > 0) || !(from >= base) || from + e.length > bytes.length) return empty;
      entries.set(e.key, { hash: e.hash, sum: e.sum, data: bytes.subarray(from, from + e.length) });
    }
    return { complete: header.complete === true, entries };
  } catch {
    return empty;
  }
}

/** true when nothing is at `file`, or a cache file of this tool, of any format version (damaged ones included). */
function ownOrAbsent(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ENOENT";
  }
  try {
    const head = Buffer.alloc(OWN_PREFIX.length);
    const read = readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.toString("latin1") === OWN_PREFIX;
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

/** Writes the cache file; false when a file this tool did not write is at its path (then nothing is written). */
function writeCache(file: string, { complete, entries }: CacheFile): boolean {
  const header: { key: string; hash: string; sum: string; offset: number; length: number }[] = [];
  const blobs: Buffer[] = [];
  let offset = 0;
  for (const [key, e] of entries) {
    header.push({ key, hash: e.hash, sum: e.sum, offset, length: e.data.length });
    blobs.push(e.data);
    offset += e.data.length;
  }
  const json = Buffer.from(JSON.stringify({ complete, entries: header }), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  mkdirSync(dirname(file), { recursive: true });
  // only a file this tool wrote is ever replaced: one at that path without the cache's header is left alone
  if (!ownOrAbsent(file)) return false;
  // written whole under a private name (never over an existing file), then renamed: a reader sees the old file or the new one
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, Buffer.concat([Buffer.from(MAGIC, "latin1"), length, json, ...blobs]), { flag: "wx" });
    renameSync(tmp, file);
    return true;
  } catch (e) {
    // EEXIST: the private name is taken by a file this run did not write — leave it
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") {
      try {
        unlinkSync(tmp);
      } catch {
        /* nothing was written */
      }
    }
    throw e;
  }
}

/** Writes the cache now if this run compiled what it lacked; `complete`: the run did the command's work. Never throws. */
let save: (complete: boolean) => void = () => undefined;

/**
 * Turns the cache on for modules under `root` (the package directory). Never throws; returns what it set up.
 * `role` names the cache file (the command's main thread and its check workers load different modules);
 * `dir` overrides the cache directory (tests). Without a later saveCompileCache, the cache is written at exit.
 */
export function enableCompileCache(root: string, role = "main", dir: string | null = defaultCacheDir()): CompileCacheStats {
  try {
    const env = process.env;
    if (env.JUESUAN_NO_COMPILE_CACHE === "1" || env.NODE_DISABLE_COMPILE_CACHE === "1" || !dir) return compileCacheStats();
    const Module = nodeModule as unknown as LoaderStatics;
    if (typeof Module.enableCompileCache === "function") {
      // Node 22.1+: its own cache (keyed by content, kept per Node version) in our cache directory
      Module.enableCompileCache(join(dir, "node-compile-cache"));
      // Node writes its cache at exit; a terminated worker never exits, so it flushes after its first file (Node 23+)
      save = () => {
        try {
          Module.flushCompileCache?.();
        } catch {
          /* the next run compiles as usual */
        }
      };
      stats = { mode: "node", file: join(dir, "node-compile-cache"), hits: 0, misses: 0, written: false };
      return compileCacheStats();
    }
    installVmCache(Module, root, role, dir);
  } catch {
    stats = { mode: "off", hits: 0, misses: 0, written: false };
  }
  return compileCacheStats();
}

/**
 * Saves the cache if this run compiled modules it lacked, or did the command's work (`complete`) where the
 * cache came from a run that did not (`juesuan --help` compiles almost nothing). Workers call it after their
 * first file (they are terminated, so they see no exit); the main thread at exit.
 */
export function saveCompileCache(complete: boolean): void {
  save(complete);
}

function installVmCache(Module: LoaderStatics, root: string, role: string, dir: string): void {
  // one file per install directory, role and Node build: code cache from another V8 is useless
  const tag = createHash("sha1").update(`${root}\0${process.version}\0${process.arch}\0${process.versions.v8}`).digest("hex").slice(0, 16);
  const file = join(dir, `v8-${role.replace(/[^a-z0-9-]/gi, "_")}-${tag}.bin`);
  const prefix = root.endsWith(sep) ? root : root + sep;
  const { entries: cached, complete: cachedComplete } = readCache(file);
  let saved = false;
  const compiled = new Map<string, { hash: string; script: Script }>();
  let dirty = false;
  stats = { mode: "vm", file, hits: 0, misses: 0, written: false };

  const original = Module.prototype._compile;
  Module.prototype._compile = function (this: LoaderModule, content: string, filename: string, ...rest: unknown[]) {
    // Node 20.19+ passes a format and retries a .js file with import/export as an ES module: anything but
    // plain CommonJS, and any source this wrapper cannot compile, goes to Node's own loader unchanged
    const format = rest[0];
    if (!filename.startsWith(prefix) || content.startsWith("#!") || (format !== undefined && format !== "commonjs")) return original.call(this, content, filename, ...rest);
    const key = relative(root, filename);
    const hash = sha1(content);
    const entry = cached.get(key);
    const cachedData = entry && entry.hash === hash && sha1(entry.data) === entry.sum ? entry.data : undefined;
    let script: Script;
    try {
      script = new Script(Module.wrap(content), { filename, cachedData });
    } catch {
      return original.call(this, content, filename, ...rest);
    }
    return runCached(this, key, hash, script, cachedData !== undefined, filename);
  };

  function runCached(mod: LoaderModule, key: string, hash: string, script: Script, hadData: boolean, filename: string): unknown {
    if (hadData && !script.cachedDataRejected) stats.hits++;
    else {
      stats.misses++;
      dirty = true;
    }
    compiled.set(key, { hash, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    // the `require` Node gives a module (its makeRequireFunction is internal)
    const req = Object.assign((id: string) => mod.require(id), {
      resolve: Object.assign((request: string, options?: unknown) => Module._resolveFilename(request, mod, false, options), {
        paths: (request: string) => Module._resolveLookupPaths(request, mod),
      }),
      main: mainModule,
      extensions: Module._extensions,
      cache: Module._cache,
    });
    return wrapper.call(mod.exports, mod.exports, req, mod, filename, dirname(filename));
  }

  save = (complete) => {
    if (saved || (!dirty && (cachedComplete || !complete))) return;
    saved = true;
    try {
      // another process or thread may have written since start-up: keep its entries for modules this run did not load
      const next = new Map<string, Entry>();
      for (const [key, e] of readCache(file).entries) if (!compiled.has(key)) next.set(key, e);
      for (const [key, c] of compiled) {
        const data = c.script.createCachedData();
        next.set(key, { hash: c.hash, sum: sha1(data), data });
      }
      stats.written = writeCache(file, { complete, entries: next });
    } catch {
      /* read-only or full disk: the next run compiles as usual */
    }
  };
  process.once("exit", (code) => save(code === 0 || code === 1));
}
