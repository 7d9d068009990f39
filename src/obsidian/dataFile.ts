/** Loading the plugin's data file without ever losing it: unreadable files are backed up first. */
import type { Plugin } from "obsidian";
import { migrateData, type LoadedData } from "../core/settings";

/**
 * Reads and migrates data.json. When the file is not valid JSON, its text is
 * copied to data.json.bak (through the adapter: it lives in the config folder,
 * outside the vault's notes) before defaults are used, so a later save cannot
 * destroy the only copy.
 */
export async function loadPluginData(plugin: Plugin): Promise<LoadedData> {
	try {
		return migrateData(await plugin.loadData());
	} catch {
		const dir = plugin.manifest.dir ?? `${plugin.app.vault.configDir}/plugins/${plugin.manifest.id}`;
		const adapter = plugin.app.vault.adapter;
		let backup = "";
		try {
			await adapter.write(`${dir}/data.json.bak`, await adapter.read(`${dir}/data.json`));
			backup = " A copy was saved as data.json.bak in the plugin's folder.";
		} catch {
			backup = "";
		}
		const loaded = migrateData(null);
		loaded.warnings.push(`The plugin's data file could not be read, so defaults are in use.${backup}`);
		return loaded;
	}
}
