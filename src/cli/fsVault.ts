/**
 * The vault port over Node's fs, for the CLI and the demo.
 *
 * Safe by construction: every path is checked to stay inside the vault, no
 * write goes through a symbolic link (a link inside the vault could point
 * anywhere), only regular files are read (never a pipe or a device) and only
 * up to a size cap, and every write goes to a temporary file that is synced
 * and then renamed over the note, so a crash or a full disk never leaves a
 * note cut off.
 */
import { constants, promises as fs } from "fs";
import { basename, dirname, join, relative, sep } from "path";
import { contentHash } from "../core/hash";
import { MAX_NOTE_BYTES } from "../core/install";
import type { VaultPort } from "../core/vaultPort";

/** Temporary files start with a dot (Obsidian does not list them) and carry the writer's pid. */
export const TEMP_FILE = /^\..+\.mlsd-(\d+)-[0-9a-f]+\.tmp$/;

let counter = 0;
export function tempPathFor(file: string): string {
	return join(dirname(file), `.${basename(file)}.mlsd-${process.pid}-${(Date.now() % 0xffffff).toString(16)}${(counter++).toString(16)}.tmp`);
}

/** Writes a file atomically: a synced temporary file renamed over it. `exclusive` fails when the file exists. */
export async function writeFileAtomic(file: string, content: string, options: { exclusive?: boolean; syncDir?: boolean } = {}): Promise<void> {
	const temp = tempPathFor(file);
	const handle = await fs.open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
	try {
		try {
			await handle.writeFile(content, "utf8");
			await handle.sync();
		} finally {
			await handle.close();
		}
		if (options.exclusive) {
			// link() fails if the target exists: an atomic "create new". Some file systems have no hard links.
			try {
				await fs.link(temp, file);
			} catch (e) {
				const code = (e as NodeJS.ErrnoException).code;
				if (code === "EEXIST") throw Object.assign(new Error(`File already exists: ${file}`), { code });
				if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw e;
				if (await lstatOrNull(file)) throw Object.assign(new Error(`File already exists: ${file}`), { code: "EEXIST" });
				await fs.rename(temp, file);
			}
		} else {
			await fs.rename(temp, file);
		}
		if (options.syncDir) await syncDir(dirname(file));
	} finally {
		await fs.rm(temp, { force: true }).catch(() => undefined);
	}
}

async function syncDir(dir: string): Promise<void> {
	try {
		const h = await fs.open(dir, constants.O_RDONLY);
		try {
			await h.sync();
		} finally {
			await h.close();
		}
	} catch {
		/* some platforms cannot sync a folder; the rename is still atomic */
	}
}

export async function lstatOrNull(path: string): Promise<import("fs").Stats | null> {
	try {
		return await fs.lstat(path);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === "ENOENT" || (e as NodeJS.ErrnoException).code === "ENOTDIR") return null;
		throw e;
	}
}

/**
 * Reads a regular file, never following a final symbolic link, never
 * blocking on a pipe, and never past `maxBytes`.
 */
export async function readRegularFile(file: string, maxBytes = MAX_NOTE_BYTES): Promise<string> {
	const handle = await fs.open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)).catch((e: NodeJS.ErrnoException) => {
		if (e.code === "ELOOP") throw new Error(`${file} is a symbolic link; it is not read`);
		throw e;
	});
	try {
		const st = await handle.stat();
		if (!st.isFile()) throw new Error(`${file} is not a regular file (a folder, pipe or device); it is not read`);
		if (st.size > maxBytes) throw new Error(`${file} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; it is not read`);
		return await handle.readFile("utf8");
	} finally {
		await handle.close();
	}
}

export class FsVault implements VaultPort {
	constructor(readonly root: string) {}

	private abs(path: string): string {
		const parts = path.split("/");
		// eslint-disable-next-line no-control-regex -- NUL and control characters never name a note
		if (path === "" || /^[a-z]:|^[\\/]|[\u0000-\u001f]/i.test(path) || parts.some((p) => p === ".." || p === "." || p === "" || p.includes("\\"))) {
			throw new Error(`"${path}" is not a path inside the vault`);
		}
		return join(this.root, ...parts);
	}

	/** Refuses to write under a folder that is a symbolic link (it could lead outside the vault). */
	private async assertNoLinks(path: string): Promise<void> {
		const parts = path.split("/");
		for (let i = 1; i < parts.length; i++) {
			const st = await lstatOrNull(this.abs(parts.slice(0, i).join("/")));
			if (st?.isSymbolicLink()) throw new Error(`"${parts.slice(0, i).join("/")}" is a symbolic link; mlsd does not write through links`);
			if (st === null) return;
		}
	}

	async listFiles(): Promise<string[]> {
		const out: string[] = [];
		await walkFiles(this.root, (full, name) => {
			if (!name.startsWith(".")) out.push(relative(this.root, full).split(sep).join("/"));
		});
		return out.sort();
	}

	async exists(path: string): Promise<boolean> {
		return (await lstatOrNull(this.abs(path))) !== null;
	}

	async stat(path: string): Promise<{ type: "file" | "folder" | "other"; size: number } | null> {
		const st = await lstatOrNull(this.abs(path));
		if (st === null) return null;
		if (st.isFile()) return { type: "file", size: st.size };
		if (st.isDirectory()) return { type: "folder", size: 0 };
		return { type: "other", size: 0 };
	}

	read(path: string): Promise<string> {
		return readRegularFile(this.abs(path));
	}

	async create(path: string, content: string): Promise<void> {
		await this.assertNoLinks(path);
		await writeFileAtomic(this.abs(path), content, { exclusive: true });
	}

	async modify(path: string, content: string): Promise<void> {
		await this.assertNoLinks(path);
		const st = await lstatOrNull(this.abs(path));
		if (!st?.isFile()) throw new Error(st ? `"${path}" is not a regular file` : `File does not exist: ${path}`);
		await writeFileAtomic(this.abs(path), content);
	}

	async replace(path: string, expectedHash: string, content: string): Promise<boolean> {
		await this.assertNoLinks(path);
		if (contentHash(await this.read(path)) !== expectedHash) return false;
		await writeFileAtomic(this.abs(path), content);
		return true;
	}

	async ensureFolder(path: string): Promise<void> {
		const parts = path.split("/");
		for (let i = 1; i <= parts.length; i++) {
			const rel = parts.slice(0, i).join("/");
			const full = this.abs(rel);
			const st = await lstatOrNull(full);
			if (st?.isDirectory()) continue;
			if (st?.isSymbolicLink()) throw new Error(`"${rel}" is a symbolic link; mlsd does not write through links`);
			if (st) throw new Error(`"${rel}" is a file, so it cannot hold notes`);
			try {
				await fs.mkdir(full);
			} catch (e) {
				if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
			}
		}
	}

	/** Removes temporary files that an interrupted run of mlsd left under a folder. */
	async removeStaleTemps(folder: string): Promise<number> {
		return removeTempFiles(this.abs(folder));
	}
}

/**
 * Removes the temporary files an interrupted run of mlsd left under a folder
 * (absolute path): the notes folder, or the plugin's folder (data.json,
 * bases.json). Call it holding the plugin's lock, so no live run's file goes.
 */
export async function removeTempFiles(dir: string): Promise<number> {
	const stale: string[] = [];
	await walkFiles(dir, (full, name) => {
		if (TEMP_FILE.test(name)) stale.push(full);
	});
	for (const full of stale) await fs.rm(full, { force: true });
	return stale.length;
}

/** Calls visit for every regular file under dir, skipping hidden folders; an unreadable folder is passed over. */
async function walkFiles(dir: string, visit: (full: string, name: string) => void): Promise<void> {
	let entries;
	try {
		entries = await fs.readdir(dir, { withFileTypes: true });
	} catch {
		return;
	}
	for (const e of entries) {
		const full = join(dir, e.name);
		if (e.isDirectory()) {
			if (!e.name.startsWith(".")) await walkFiles(full, visit);
		} else if (e.isFile()) visit(full, e.name);
	}
}
