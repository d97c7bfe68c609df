/**
 * Where the command may write: only new files, or files it wrote itself earlier (recorded with their
 * sha256 in a manifest in the output folder, and unchanged since). Never a path that is, or resolves to,
 * an input; never through a symlink; always atomically (a temp file in the same folder, then rename,
 * which replaces the directory entry itself and never follows a symlink at the target).
 */
import { createHash, randomBytes } from "node:crypto";
import { constants as fsc } from "node:fs";
import { lstat, mkdir, open, readFile, realpath, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/** A refusal or an I/O problem the user can fix: zh-CN, exit code 2. */
export class OutputError extends Error {}

export const MANIFEST_NAME = "juesuan-manifest.json";
const MANIFEST_TOOL = "juesuan";

interface ManifestEntry {
  sha256: string;
  written: string;
}
interface ManifestFile {
  tool: typeof MANIFEST_TOOL;
  version: 1;
  /** paths relative to the manifest's folder, with "/" separators */
  files: Record<string, ManifestEntry>;
}

export const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** zh-CN text for the file-system errors a user can cause (read-only folder, missing folder, no space …). */
export function describeFsError(e: unknown, path: string): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case "ENOENT":
      return `${path} 不存在（或其所在文件夹不存在），请检查路径。`;
    case "EACCES":
    case "EPERM":
      return `没有权限写入 ${path}，请换一个有写权限的文件夹。`;
    case "EROFS":
      return `${path} 位于只读的磁盘或文件夹，请换一个可写的文件夹。`;
    case "ENOTDIR":
      return `${path} 的路径中有一段不是文件夹，请检查路径。`;
    case "EISDIR":
      return `${path} 是文件夹，请给出文件名。`;
    case "EEXIST":
      return `${path} 已存在，不会覆盖。`;
    case "ENOSPC":
    case "EDQUOT":
      return `磁盘空间不足，无法写入 ${path}。`;
    case "ENAMETOOLONG":
      return `路径过长：${path}。`;
    default:
      return `无法写入 ${path}${code ? `（${code}）` : ""}。`;
  }
}

/**
 * Writes bytes to target atomically: exclusive-create a temp file next to it, fsync, rename over.
 * The caller has already decided that target may be written (see OutputFolder.claim).
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array | string): Promise<void> {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  let handle;
  try {
    // O_EXCL: never opens an existing file or follows a symlink planted at the temp name
    handle = await open(temp, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL, 0o644);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}

interface InputIdentity {
  paths: Set<string>;
  inodes: Set<string>;
}

/** Real paths and (device, inode) pairs of the inputs, so no output can land on one, even through a link. */
export async function identifyInputs(files: readonly string[]): Promise<InputIdentity> {
  const paths = new Set<string>();
  const inodes = new Set<string>();
  for (const file of files) {
    paths.add(resolve(file));
    try {
      paths.add(await realpath(file));
      const s = await stat(file);
      inodes.add(`${s.dev}:${s.ino}`);
    } catch {
      /* an unreadable input gets its own message when it is checked */
    }
  }
  return { paths, inodes };
}

/** An output folder: what the tool wrote there before (manifest), and which paths this run may write. */
export class OutputFolder {
  private readonly claimed = new Set<string>();
  private constructor(
    /** the folder's real path */
    readonly dir: string,
    private readonly manifest: ManifestFile,
    private readonly force: boolean,
    private readonly inputs: InputIdentity,
  ) {}

  /** Opens (creating if needed, one level at a time) an output folder; refuses anything that is not a plain folder. */
  static async open(dir: string, options: { force: boolean; inputs: InputIdentity }): Promise<OutputFolder> {
    const real = await ensureFolder(resolve(dir), dir);
    const manifest = await readManifest(real);
    return new OutputFolder(real, manifest, options.force, options.inputs);
  }

  /** The folder holding `file` (for a single output such as narrative --docx). */
  static async forFile(file: string, options: { force: boolean; inputs: InputIdentity }): Promise<{ folder: OutputFolder; rel: string }> {
    const parent = dirname(resolve(file));
    try {
      const s = await stat(parent);
      if (!s.isDirectory()) throw new OutputError(`${dirname(file)} 不是文件夹，无法写出 ${file}。`);
    } catch (e) {
      if (e instanceof OutputError) throw e;
      throw new OutputError(`无法写出 ${file}：文件夹 ${dirname(file)} 不存在，请先建立该文件夹或换一个路径。`);
    }
    return { folder: await OutputFolder.open(parent, options), rel: basename(file) };
  }

  /** True when rel was written by the tool (recorded, unchanged since) — such files are not inputs. */
  isOwnOutput(absolute: string): boolean {
    const rel = toPosix(relative(this.dir, absolute));
    return rel in this.manifest.files;
  }

  /**
   * Decides that rel (a path inside the folder) may be written by this run and returns its absolute path.
   * Throws OutputError (zh-CN, says what to do) when writing it would replace anything the tool did not write.
   */
  async claim(rel: string): Promise<string> {
    const posix = toPosix(rel);
    if (isAbsolute(rel) || posix.split("/").some((part) => part === ".." || part === "")) throw new OutputError(`输出文件名不合法：${rel}`);
    if (this.claimed.has(posix.toLowerCase())) throw new OutputError(`两个输出文件同名：${rel}`);
    const target = join(this.dir, ...posix.split("/"));
    // every folder between the output folder and the target: a real folder, never a symlink
    let folder = this.dir;
    for (const part of posix.split("/").slice(0, -1)) {
      folder = join(folder, part);
      await ensurePlainSubfolder(folder);
    }
    if (this.inputs.paths.has(target)) throw new OutputError(`输出文件 ${target} 就是输入文件之一，不会覆盖原文件。`);
    let existing;
    try {
      existing = await lstat(target);
    } catch (e) {
      if ((e as { code?: string }).code !== "ENOENT") throw new OutputError(describeFsError(e, target));
    }
    if (existing) {
      if (existing.isSymbolicLink()) throw new OutputError(`${target} 是一个符号链接（快捷方式），不会写入它指向的文件。请删除它或换一个输出文件夹。`);
      if (!existing.isFile()) throw new OutputError(`${target} 已存在且不是普通文件，不会覆盖。`);
      if (this.inputs.inodes.has(`${existing.dev}:${existing.ino}`)) throw new OutputError(`输出文件 ${target} 与输入文件是同一个文件（硬链接），不会覆盖。`);
      const recorded = this.manifest.files[posix];
      const own = recorded !== undefined && recorded.sha256 === sha256(await readFile(target));
      if (!own) {
        throw new OutputError(
          recorded
            ? `${target} 是本工具以前写出的，但之后被修改过，不会覆盖。请移走它或换一个输出文件夹。`
            : `${target} 已存在且不是本工具写出的文件，不会覆盖。请移走它或换一个输出文件夹。`,
        );
      }
      if (!this.force) throw new OutputError(`${target} 是本工具上次写出的文件。要替换它请加 --force，或换一个输出文件夹。`);
    }
    this.claimed.add(posix.toLowerCase());
    return target;
  }

  /** Records a file this run wrote (absolute path from claim) with its content hash. */
  record(target: string, hash: string): void {
    this.manifest.files[toPosix(relative(this.dir, target))] = { sha256: hash, written: new Date().toISOString() };
  }

  /** Writes a claimed file atomically and records it. */
  async write(target: string, bytes: Uint8Array | string): Promise<void> {
    try {
      await writeFileAtomic(target, bytes);
    } catch (e) {
      throw new OutputError(describeFsError(e, target));
    }
    this.record(target, sha256(typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes));
  }

  /** Saves the manifest (atomically, like every output). */
  async saveManifest(): Promise<void> {
    const target = join(this.dir, MANIFEST_NAME);
    try {
      await writeFileAtomic(target, JSON.stringify(this.manifest, null, 2) + "\n");
    } catch (e) {
      throw new OutputError(describeFsError(e, target));
    }
  }
}

function toPosix(p: string): string {
  return p.split(sep).join("/");
}

/** Creates the output folder one level at a time (never `mkdir -p`: it can spin on /proc) and returns its real path. */
async function ensureFolder(absolute: string, shown: string): Promise<string> {
  const missing: string[] = [];
  let existing = absolute;
  for (;;) {
    try {
      const s = await stat(existing);
      if (!s.isDirectory()) {
        throw new OutputError(existing === absolute ? `${shown} 已存在且不是文件夹，请给 --out 一个文件夹路径。` : `${existing} 不是文件夹，无法在其中建立 ${shown}。`);
      }
      break;
    } catch (e) {
      if (e instanceof OutputError) throw e;
      const code = (e as { code?: string }).code;
      if (code !== "ENOENT") throw new OutputError(describeFsError(e, existing));
      const parent = dirname(existing);
      if (parent === existing) throw new OutputError(describeFsError(e, absolute));
      missing.unshift(existing);
      existing = parent;
    }
  }
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (e) {
      if ((e as { code?: string }).code !== "EEXIST") throw new OutputError(`无法建立输出文件夹 ${shown}：${describeFsError(e, folder)}`);
    }
  }
  const real = await realpath(absolute);
  // a folder that exists but cannot be written: say so now, before any file is checked
  const probe = join(real, `.juesuan-probe-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    const h = await open(probe, fsc.O_WRONLY | fsc.O_CREAT | fsc.O_EXCL, 0o600);
    await h.close();
    await unlink(probe);
  } catch (e) {
    throw new OutputError(`无法写入输出文件夹 ${shown}：${describeFsError(e, real)}`);
  }
  return real;
}

async function ensurePlainSubfolder(folder: string): Promise<void> {
  try {
    const s = await lstat(folder);
    if (s.isSymbolicLink()) throw new OutputError(`${folder} 是符号链接（快捷方式），不会写入它指向的位置。请换一个输出文件夹。`);
    if (!s.isDirectory()) throw new OutputError(`${folder} 已存在且不是文件夹，不会覆盖。`);
  } catch (e) {
    if (e instanceof OutputError) throw e;
    if ((e as { code?: string }).code !== "ENOENT") throw new OutputError(describeFsError(e, folder));
    try {
      await mkdir(folder);
    } catch (err) {
      throw new OutputError(describeFsError(err, folder));
    }
  }
}

async function readManifest(dir: string): Promise<ManifestFile> {
  const path = join(dir, MANIFEST_NAME);
  let text: string;
  try {
    const s = await lstat(path);
    if (!s.isFile()) throw new OutputError(`${path} 不是本工具的记录文件（不是普通文件），请换一个输出文件夹。`);
    if (s.size > 16 * 1024 * 1024) throw new OutputError(`${path} 不是本工具的记录文件，请换一个输出文件夹。`);
    text = await readFile(path, "utf8");
  } catch (e) {
    if (e instanceof OutputError) throw e;
    if ((e as { code?: string }).code === "ENOENT") return { tool: MANIFEST_TOOL, version: 1, files: {} };
    throw new OutputError(describeFsError(e, path));
  }
  const parsed = parseManifest(text);
  if (!parsed) throw new OutputError(`${path} 不是本工具写出的记录文件，不会覆盖。请换一个输出文件夹。`);
  return parsed;
}

function parseManifest(text: string): ManifestFile | null {
  try {
    const m = JSON.parse(text) as Partial<ManifestFile>;
    if (m.tool !== MANIFEST_TOOL || m.version !== 1 || typeof m.files !== "object" || m.files === null) return null;
    const files: Record<string, ManifestEntry> = {};
    for (const [rel, entry] of Object.entries(m.files)) {
      if (entry && typeof entry.sha256 === "string") files[rel] = { sha256: entry.sha256, written: String(entry.written ?? "") };
    }
    return { tool: MANIFEST_TOOL, version: 1, files };
  } catch {
    return null;
  }
}

/** The files a manifest in `dir` lists (absolute), or none: used to keep the tool's outputs out of its inputs. */
export async function listedOutputs(dir: string): Promise<Set<string>> {
  try {
    const parsed = parseManifest(await readFile(join(dir, MANIFEST_NAME), "utf8"));
    return new Set(Object.keys(parsed?.files ?? {}).map((rel) => resolve(dir, ...rel.split("/"))));
  } catch {
    return new Set();
  }
}

/**
 * One annotated-copy name per input, unique, keeping the inputs' folder structure below their common
 * folder (in1/决算.xlsx → in1/决算.已标注.xlsx, in2/决算.xlsx → in2/决算.已标注.xlsx).
 */
export function annotatedNames(files: readonly string[], reserved: readonly string[] = []): string[] {
  const absolute = files.map((f) => resolve(f));
  const common = commonFolder(absolute.map((f) => dirname(f)));
  const taken = new Set(reserved.map((r) => r.toLowerCase()));
  return absolute.map((file) => {
    const rel = toPosix(common ? relative(common, file) : basename(file));
    const safe = rel.split("/").filter((p) => p && p !== "." && p !== "..").join("/") || basename(file);
    const stem = safe.replace(/\.xlsx$/i, "");
    let name = `${stem}.已标注.xlsx`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}.已标注(${n}).xlsx`;
    taken.add(name.toLowerCase());
    return name;
  });
}

function commonFolder(folders: readonly string[]): string | null {
  if (folders.length === 0) return null;
  let common = folders[0].split(sep);
  for (const folder of folders.slice(1)) {
    const parts = folder.split(sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  // different drives (Windows): no common folder, fall back to file names (deduplicated)
  return common.length === 0 || (common.length === 1 && common[0] === "" && sep === "\\") ? null : common.join(sep) || sep;
}
