/**
 * Files the plugin keeps in its own folder beside data.json, through the
 * vault adapter (they live in the config folder, outside the notes):
 * - bases.json: the merge bases (line tokens of each installed shipped version);
 * - journal.json: the merges about to be written, so a write cut off by a
 *   crash is completed on the next run instead of read as the user's edit;
 * - data.json.bak: the previous generation of data.json, rotated only while
 *   the file being replaced holds a readable record.
 */
import type { Plugin } from "obsidian";
import { completeJournal, readBases, type BaseStore, type JournalEntry } from "../core/install";
import { migrateData, parseDataText } from "../core/settings";
import type { PluginHost } from "./host";
import { ObsidianVault } from "./ObsidianVault";

export function pluginFolder(plugin: Plugin): string {
	return plugin.manifest.dir ?? `${plugin.app.vault.configDir}/plugins/${plugin.manifest.id}`;
}

async function readText(plugin: Plugin, name: string): Promise<string | null> {
	const path = `${pluginFolder(plugin)}/${name}`;
	const adapter = plugin.app.vault.adapter;
	if (!(await adapter.exists(path))) return null;
	return adapter.read(path);
}

async function writeText(plugin: Plugin, name: string, text: string): Promise<void> {
	await plugin.app.vault.adapter.write(`${pluginFolder(plugin)}/${name}`, text);
}

export async function loadBases(plugin: Plugin): Promise<{ bases: BaseStore; warning?: string }> {
	try {
		const text = await readText(plugin, "bases.json");
		if (text === null) return { bases: readBases(null) };
		const parsed = parseDataText(text);
		if ("raw" in parsed) return { bases: readBases(parsed.raw) };
		return { bases: readBases(null), warning: `bases.json could not be read (${parsed.error}); notes you edited are offered instead of merged this time.` };
	} catch (e) {
		return { bases: readBases(null), warning: `bases.json could not be read (${e instanceof Error ? e.message : String(e)}).` };
	}
}

export async function saveBases(plugin: Plugin, bases: BaseStore): Promise<void> {
	const text = JSON.stringify(bases);
	if ((await readText(plugin, "bases.json").catch(() => null)) === text) return;
	await writeText(plugin, "bases.json", text);
}

export async function writeJournal(plugin: Plugin, entries: JournalEntry[]): Promise<void> {
	await writeText(plugin, "journal.json", JSON.stringify({ entries }));
}

export async function clearJournal(plugin: Plugin): Promise<void> {
	await writeText(plugin, "journal.json", JSON.stringify({ entries: [] }));
}

/** Completes the writes a crash cut off (see completeJournal), then clears the journal. */
export async function recoverJournal(host: PluginHost): Promise<string[]> {
	const text = await readText(host.plugin, "journal.json").catch(() => null);
	if (text === null) return [];
	const parsed = parseDataText(text);
	const entries = "raw" in parsed && typeof parsed.raw === "object" && parsed.raw !== null ? (parsed.raw as { entries?: unknown }).entries : null;
	if (!Array.isArray(entries) || entries.length === 0) return [];
	const done = await completeJournal(new ObsidianVault(host.app.vault), entries as Partial<JournalEntry>[]);
	await clearJournal(host.plugin);
	return done;
}

/**
 * Copies data.json to data.json.bak when it holds a complete record (notes
 * installed, no install in progress), so a torn save can be recovered from.
 * With `onlyIfMissing`, only when there is no backup yet.
 */
export async function rotateBackup(plugin: Plugin, onlyIfMissing = false): Promise<void> {
	if (onlyIfMissing && (await plugin.app.vault.adapter.exists(`${pluginFolder(plugin)}/data.json.bak`))) return;
	const current = await readText(plugin, "data.json").catch(() => null);
	if (current === null) return;
	const parsed = parseDataText(current);
	if (!("raw" in parsed) || typeof parsed.raw !== "object" || parsed.raw === null || Array.isArray(parsed.raw)) return;
	const loaded = migrateData(parsed.raw, { configDir: plugin.app.vault.configDir });
	if (loaded.recordLost || loaded.readOnly || loaded.data.install.inProgress !== undefined || Object.keys(loaded.data.install.files).length === 0) return;
	if ((await readText(plugin, "data.json.bak").catch(() => null)) === current) return;
	await writeText(plugin, "data.json.bak", current);
}

/** Keeps an unreadable data file's text under a name not taken yet (data.json.unreadable, -2, ...); never overwrites. */
export async function keepUnreadable(plugin: Plugin, text: string): Promise<string | null> {
	const adapter = plugin.app.vault.adapter;
	for (let i = 1; i < 100; i++) {
		const name = `data.json.unreadable${i === 1 ? "" : `-${i}`}`;
		const path = `${pluginFolder(plugin)}/${name}`;
		if (await adapter.exists(path)) {
			if ((await adapter.read(path)) === text) return name;
			continue;
		}
		await adapter.write(path, text);
		return name;
	}
	return null;
}

export { readText as readPluginText };
