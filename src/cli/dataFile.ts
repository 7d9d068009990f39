/**
 * The plugin's data file (data.json) and merge bases (bases.json) as `mlsd`
 * reads and writes them: never through a symbolic link, always atomically
 * (a synced temporary file renamed over the old one), with the previous
 * generation kept as data.json.bak whenever the file being replaced held a
 * readable record, and under a lock so two runs cannot interleave.
 */
import { constants, promises as fs } from "fs";
import { hostname } from "os";
import { join } from "path";
import { setTimeout as sleep } from "timers/promises";
import { readBases, type BaseStore } from "../core/install";
import { migrateData, parseDataText, type LoadedData } from "../core/settings";
import { lstatOrNull, readRegularFile, writeFileAtomic } from "./fsVault";

export const PLUGIN_ID = "ml-system-design-vault";
const MAX_DATA_BYTES = 64 * 1024 * 1024;

export function pluginDir(vault: string, configDir: string): string {
	return join(vault, configDir, "plugins", PLUGIN_ID);
}

/** The plugin's data file inside a vault: the record the plugin and the CLI share. */
export function dataFilePath(vault: string, configDir = ".obsidian"): string {
	return join(pluginDir(vault, configDir), "data.json");
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Refuses a plugin folder reached through a symbolic link: the plugin's data is never written through one. */
export async function checkPluginDir(vault: string, configDir: string): Promise<void> {
	const dir = pluginDir(vault, configDir);
	for (const folder of [join(vault, configDir), join(vault, configDir, "plugins"), dir]) {
		const st = await lstatOrNull(folder);
		if (st?.isSymbolicLink()) throw new Error(`${folder} is a symbolic link. mlsd never writes the plugin's data through a link. Nothing was changed.`);
		if (st && !st.isDirectory()) throw new Error(`${folder} is not a folder. Nothing was changed.`);
	}
	for (const name of ["data.json", "data.json.bak", "bases.json"]) {
		const file = join(dir, name);
		const st = await lstatOrNull(file);
		if (st?.isSymbolicLink()) throw new Error(`${file} is a symbolic link. mlsd never writes the plugin's data through a link; replace it with a real file. Nothing was changed.`);
		if (st && !st.isFile()) throw new Error(`${file} is not a regular file, so the record of installed notes cannot be saved there. Nothing was changed.`);
	}
}

export interface ReadData extends LoadedData {
	/** The file's top-level object (kept on save, so keys of newer versions survive); {} when unreadable. */
	raw: Record<string, unknown>;
}

/** A name next to `file` that is not taken yet, for keeping an unreadable file before it is replaced. */
async function freeName(file: string, suffix: string): Promise<string> {
	for (let i = 1; ; i++) {
		const candidate = `${file}.${suffix}${i === 1 ? "" : `-${i}`}`;
		if ((await lstatOrNull(candidate)) === null) return candidate;
	}
}

/**
 * Reads data.json. An unreadable file (torn, empty, binary, a list) is kept
 * as data.json.unreadable (numbered, never overwritten), and the record is
 * taken from data.json.bak when that holds one.
 */
export async function readPluginData(file: string, configDir: string): Promise<ReadData> {
	const st = await lstatOrNull(file);
	if (st === null) return { ...migrateData(null, { configDir }), raw: {} };
	const text = await readRegularFile(file, MAX_DATA_BYTES);
	const parsed = parseDataText(text);
	if ("raw" in parsed && isObject(parsed.raw)) return { ...migrateData(parsed.raw, { configDir }), raw: parsed.raw };
	const why = "error" in parsed ? parsed.error : `it holds ${Array.isArray(parsed.raw) ? "a list" : `a ${typeof parsed.raw}`} instead of settings`;
	const kept = text.length > 0 ? await freeName(file, "unreadable") : null;
	if (kept) await writeFileAtomic(kept, text, { exclusive: true });
	const keptNote = kept ? ` Its text was kept in ${kept}.` : "";
	const backup = await readBackup(`${file}.bak`, configDir);
	if (backup) {
		backup.warnings.unshift(`${file} could not be read (${why}); the settings and the record of installed notes were restored from data.json.bak.${keptNote}`);
		return backup;
	}
	const loaded = migrateData(null, { configDir, unreadable: true });
	loaded.warnings.unshift(`${file} could not be read (${why}).${keptNote}`);
	return { ...loaded, raw: {} };
}

async function readBackup(file: string, configDir: string): Promise<ReadData | null> {
	try {
		const parsed = parseDataText(await readRegularFile(file, MAX_DATA_BYTES));
		if (!("raw" in parsed) || !isObject(parsed.raw) || !isObject(parsed.raw.install)) return null;
		const loaded = migrateData(parsed.raw, { configDir });
		return loaded.recordLost || loaded.readOnly ? null : { ...loaded, raw: parsed.raw };
	} catch {
		return null;
	}
}

/** Whether a data file's text holds a complete record (installed notes, not an install in progress): only that is worth keeping as the backup. */
function holdsRecord(text: string, configDir: string): boolean {
	const parsed = parseDataText(text);
	if (!("raw" in parsed) || !isObject(parsed.raw) || !isObject(parsed.raw.install)) return false;
	const loaded = migrateData(parsed.raw, { configDir });
	return !loaded.recordLost && !loaded.readOnly && loaded.data.install.inProgress === undefined && Object.keys(loaded.data.install.files).length > 0;
}

/**
 * Writes data.json atomically. When the file it replaces holds a complete
 * record, that file becomes data.json.bak first; when there is no backup
 * yet, a complete record being written becomes the first one. So one crash
 * or one bad write can never take both generations.
 */
export async function writePluginData(file: string, data: Record<string, unknown>, configDir: string): Promise<void> {
	const text = JSON.stringify(data, null, "\t") + "\n";
	let current: string | null = null;
	try {
		current = await readRegularFile(file, MAX_DATA_BYTES);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
	}
	if (current === text) return;
	await fs.mkdir(join(file, ".."), { recursive: true });
	const backup = `${file}.bak`;
	if (current !== null && holdsRecord(current, configDir)) await writeFileAtomic(backup, current);
	await writeFileAtomic(file, text, { syncDir: true });
	if ((await lstatOrNull(backup)) === null && holdsRecord(text, configDir)) await writeFileAtomic(backup, text);
}

export async function readBasesFile(file: string): Promise<{ bases: BaseStore; warning?: string }> {
	try {
		const parsed = parseDataText(await readRegularFile(file, MAX_DATA_BYTES));
		if ("raw" in parsed) return { bases: readBases(parsed.raw) };
		return { bases: readBases(null), warning: `${file} could not be read (${parsed.error}); notes you edited are offered instead of merged this time.` };
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code === "ENOENT") return { bases: readBases(null) };
		return { bases: readBases(null), warning: `${file} could not be read (${e instanceof Error ? e.message : String(e)}); notes you edited are offered instead of merged this time.` };
	}
}

export async function writeBasesFile(file: string, bases: BaseStore): Promise<void> {
	const text = JSON.stringify(bases);
	try {
		if ((await readRegularFile(file, MAX_DATA_BYTES)) === text) return;
	} catch {
		/* missing or unreadable: write it */
	}
	await writeFileAtomic(file, text, { syncDir: true });
}

const LOCK_STALE_MS = 10 * 60 * 1000;

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === "EPERM";
	}
}

/**
 * Takes the install lock (a file created with O_EXCL) in the plugin folder,
 * waiting up to `waitMs` for another run to finish. A lock whose process is
 * gone (same host) or that is older than 10 minutes is stale and taken over.
 */
export async function acquireLock(dir: string, waitMs = 60_000): Promise<() => Promise<void>> {
	const file = join(dir, "install.lock");
	const me = JSON.stringify({ pid: process.pid, host: hostname(), time: Date.now() });
	const deadline = Date.now() + waitMs;
	for (;;) {
		try {
			const h = await fs.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
			try {
				await h.writeFile(me);
			} finally {
				await h.close();
			}
			return async () => {
				// Remove the lock only if it is still ours.
				const text = await fs.readFile(file, "utf8").catch(() => "");
				if (text === me) await fs.rm(file, { force: true });
			};
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
		}
		let holder: { pid?: number; host?: string; time?: number } = {};
		let text = "";
		let mtime = Date.now();
		try {
			text = await fs.readFile(file, "utf8");
			mtime = (await fs.stat(file)).mtimeMs;
			holder = JSON.parse(text) as typeof holder;
		} catch {
			/* being written, or torn by a crash: judged by its age below */
		}
		const age = Date.now() - (typeof holder.time === "number" ? holder.time : mtime);
		const dead = typeof holder.pid === "number" && holder.host === hostname() && !alive(holder.pid);
		const torn = typeof holder.pid !== "number" && Date.now() - mtime > 5_000;
		if (dead || torn || age > LOCK_STALE_MS) {
			// Move the stale lock aside (atomic), then check it is the one judged stale before dropping it.
			const aside = `${file}.stale-${process.pid}-${Math.random().toString(16).slice(2)}`;
			try {
				await fs.rename(file, aside);
				const moved = await fs.readFile(aside, "utf8").catch(() => "");
				if (moved !== text) await fs.link(aside, file).catch(() => undefined);
				await fs.rm(aside, { force: true });
			} catch {
				/* someone else took it over first */
			}
			continue;
		}
		if (Date.now() > deadline) throw new Error(`Another mlsd install is running for this vault (pid ${holder.pid ?? "unknown"}). Wait for it to finish, or remove ${file} if no install is running.`);
		await sleep(40 + Math.random() * 80);
	}
}
