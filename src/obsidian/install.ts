/** "Install or update notes": the shared core installer, applied through the Vault API. */
import { Notice } from "obsidian";
import { installTemplate, InstallWriteError, summarizeCounts, type InstallResult } from "../core/install";
import { validateFolderSetting } from "../core/paths";
import type { PluginHost } from "./host";
import { InstallReportModal } from "./InstallReportModal";
import { ObsidianVault } from "./ObsidianVault";

let running = false;

export async function runInstall(host: PluginHost, options: { showReport: boolean } = { showReport: true }): Promise<InstallResult | null> {
	if (running) {
		new Notice("An install is already running. Wait for it to finish.");
		return null;
	}
	const checked = validateFolderSetting(host.data.settings.installFolder, host.app.vault.configDir);
	if ("error" in checked) {
		new Notice(`Notes were not installed. ${checked.error}`);
		return null;
	}
	running = true;
	try {
		const result = await installTemplate(new ObsidianVault(host.app.vault), host.template, checked.folder, host.data.install, async (record) => {
			host.data.install = record;
			await host.save();
		});
		new Notice(`ML system design notes: ${summarizeCounts(result.counts)}`);
		const c = result.counts;
		if (options.showReport && (c.keptEdited || c.skippedClash || c.keptDeleted)) new InstallReportModal(host.app, result).open();
		return result;
	} catch (e) {
		const what = e instanceof InstallWriteError ? e.message : e instanceof Error ? e.message : String(e);
		new Notice(`Install stopped: ${what}. Nothing was lost; run the command again to finish.`);
		return null;
	} finally {
		running = false;
	}
}
