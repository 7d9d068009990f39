/** Loading the plugin's data file without ever losing it: unreadable files are kept, and the backup generation is used. */
import type { Plugin } from "obsidian";
import { migrateData, parseDataText, type LoadedData } from "../core/settings";
import { keepUnreadable, readPluginText } from "./pluginFiles";

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Reads and migrates data.json, checking every folder setting with the path
 * policy. A file that is not a JSON object (torn by a crash, empty, a list)
 * is kept as data.json.unreadable (never overwritten by a later one), and
 * the record is restored from data.json.bak when that holds one; otherwise
 * the record is marked lost, so the next install rebuilds it from the notes
 * and recreates nothing without asking. A byte-order mark is ignored.
 */
export async function loadPluginData(plugin: Plugin): Promise<LoadedData> {
	const configDir = plugin.app.vault.configDir;
	let raw: unknown;
	try {
		raw = await plugin.loadData();
	} catch {
		raw = undefined;
	}
	if (raw === null || isObject(raw)) return migrateData(raw, { configDir });
	// loadData failed or gave something other than an object: look at the text itself.
	let text: string | null = null;
	try {
		text = await readPluginText(plugin, "data.json");
	} catch {
		text = null;
	}
	if (text !== null) {
		const parsed = parseDataText(text);
		if ("raw" in parsed && isObject(parsed.raw)) return migrateData(parsed.raw, { configDir });
	}
	let kept: string | null = null;
	if (text) kept = await keepUnreadable(plugin, text).catch(() => null);
	const keptNote = kept ? ` Its text was kept as ${kept} in the plugin's folder.` : "";
	try {
		const backup = await readPluginText(plugin, "data.json.bak");
		const parsed = backup === null ? null : parseDataText(backup);
		if (parsed && "raw" in parsed && isObject(parsed.raw) && isObject(parsed.raw.install)) {
			const loaded = migrateData(parsed.raw, { configDir });
			if (!loaded.recordLost && !loaded.readOnly) {
				loaded.warnings.unshift(`The plugin's data file could not be read, so settings and the record of installed notes were restored from data.json.bak.${keptNote}`);
				return loaded;
			}
		}
	} catch {
		/* no usable backup */
	}
	const loaded = migrateData(null, { configDir, unreadable: true });
	loaded.warnings.unshift(`The plugin's data file could not be read, so defaults are in use.${keptNote}`);
	return loaded;
}
