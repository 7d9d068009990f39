/** "Install or update notes": the shared core installer, applied through the Vault API. */
import { Modal, Notice, Setting, type App } from "obsidian";
import { installTemplate, InstallWriteError, summarizeCounts, type InstallResult } from "../core/install";
import { dirname, joinPath, validateFolderSetting } from "../core/paths";
import type { PluginHost } from "./host";
import { InstallReportModal } from "./InstallReportModal";
import { ensureFolder } from "./notes";
import { ObsidianVault } from "./ObsidianVault";

/** Hosts with an install under way (per plugin instance, so nothing outlives an unload). */
const running = new WeakSet<PluginHost>();

type FolderChoice = "move" | "fresh" | "cancel";

/** Asks what to do when the notes folder changed since the last install. Nothing moves silently. */
class FolderChangeModal extends Modal {
	private choice: FolderChoice = "cancel";
	constructor(app: App, private readonly from: string, private readonly to: string, private readonly count: number, private readonly done: (c: FolderChoice) => void) {
		super(app);
	}
	onOpen(): void {
		this.setTitle("The notes folder changed");
		this.contentEl.createEl("p", { text: `${this.count} notes were installed in "${this.from}". The notes folder is now "${this.to}".` });
		new Setting(this.contentEl)
			.addButton((b) => b.setButtonText(`Move them to "${this.to}"`).setCta().onClick(() => this.pick("move")))
			.addButton((b) => b.setButtonText("Install a fresh copy").onClick(() => this.pick("fresh")))
			.addButton((b) => b.setButtonText("Cancel").onClick(() => this.pick("cancel")));
	}
	private pick(c: FolderChoice): void {
		this.choice = c;
		this.close();
	}
	onClose(): void {
		this.contentEl.empty();
		this.done(this.choice);
	}
}

function askFolderChange(host: PluginHost, from: string, to: string): Promise<FolderChoice> {
	const count = Object.keys(host.data.install.files).length;
	return new Promise((resolve) => new FolderChangeModal(host.app, from, to, count, resolve).open());
}

/** Moves installed notes from the old folder to the new one; a note already at the new path stays where it is. */
async function moveInstalledNotes(host: PluginHost, from: string, to: string): Promise<number> {
	let moved = 0;
	for (const rel of Object.keys(host.data.install.files)) {
		const file = host.app.vault.getFileByPath(joinPath(from, rel));
		const target = joinPath(to, rel);
		if (!file || host.app.vault.getAbstractFileByPath(target)) continue;
		await ensureFolder(host.app, dirname(target));
		await host.app.fileManager.renameFile(file, target);
		moved++;
	}
	host.data.install.folder = to;
	await host.save();
	return moved;
}

export async function runInstall(host: PluginHost, options: { showReport: boolean } = { showReport: true }): Promise<InstallResult | null> {
	if (running.has(host)) {
		new Notice("An install is already running. Wait for it to finish.");
		return null;
	}
	if (host.readOnly) {
		new Notice("Notes were not installed: the plugin's data file comes from a newer version. Update the plugin first.");
		return null;
	}
	const checked = validateFolderSetting(host.data.settings.installFolder, host.app.vault.configDir);
	if ("error" in checked) {
		new Notice(`Notes were not installed. ${checked.error}`);
		return null;
	}
	running.add(host);
	try {
		const previous = host.data.install.folder;
		if (previous !== "" && previous !== checked.folder && Object.keys(host.data.install.files).length > 0) {
			const choice = await askFolderChange(host, previous, checked.folder);
			if (choice === "cancel") {
				new Notice("Nothing was installed or moved.");
				return null;
			}
			if (choice === "move") new Notice(`Moved ${await moveInstalledNotes(host, previous, checked.folder)} notes to "${checked.folder}".`);
		}
		const result = await installTemplate(new ObsidianVault(host.app.vault), host.template, checked.folder, host.data.install, async (record) => {
			host.data.install = record;
			await host.save();
		});
		const offers = result.plan.actions.filter((a) => a.offer).length;
		new Notice(`ML system design notes: ${summarizeCounts(result.counts)}${offers ? ` ${offers === 1 ? "1 note you edited has a new version" : `${offers} notes you edited have new versions`} to compare.` : ""}`);
		const c = result.counts;
		if (options.showReport && (c.keptEdited || c.skippedClash || c.keptDeleted || c.updated)) new InstallReportModal(host, result).open();
		return result;
	} catch (e) {
		const what = e instanceof InstallWriteError ? e.message : e instanceof Error ? e.message : String(e);
		new Notice(`Install stopped: ${what}. Nothing was lost; run the command again to finish.`);
		return null;
	} finally {
		running.delete(host);
	}
}
