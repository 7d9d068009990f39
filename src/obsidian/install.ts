/** "Install or update notes": the shared core installer, applied through the Vault API. */
import { Modal, Notice, Setting, type App } from "obsidian";
import { installTemplate, RecordWriteError, summarizeCounts, type InstallResult } from "../core/install";
import { dirname, joinPath, validateFolderSetting } from "../core/paths";
import { shippedNotes, type PluginHost } from "./host";
import { InstallReportModal } from "./InstallReportModal";
import { ensureFolder } from "./notes";
import { ObsidianVault } from "./ObsidianVault";
import { clearJournal, loadBases, recoverJournal, rotateBackup, saveBases, writeJournal } from "./pluginFiles";

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

export interface RunOptions {
	showReport: boolean;
	/** The user agreed to recreate shipped notes that are missing after the record was lost. */
	recreateMissing?: boolean;
}

export async function runInstall(host: PluginHost, options: RunOptions = { showReport: true }): Promise<InstallResult | null> {
	if (running.has(host)) {
		new Notice("An install is already running. Wait for it to finish.");
		return null;
	}
	if (host.readOnly) {
		new Notice("Notes were not installed: the plugin's data file comes from a newer version. Update the plugin first.");
		return null;
	}
	const checked = validateFolderSetting(host.data.settings.installFolder, host.app.vault.configDir, "The notes folder");
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
		const completed = await recoverJournal(host);
		const { bases, warning } = await loadBases(host.plugin);
		let probed = false;
		const result = await installTemplate(new ObsidianVault(host.app.vault), await shippedNotes(host), checked.folder, host.data.install, {
			saveRecord: async (record) => {
				if (!probed) {
					probed = true;
					await rotateBackup(host.plugin);
				}
				const before = host.data.install;
				host.data.install = record;
				try {
					await host.save();
				} catch (e) {
					host.data.install = before;
					throw e;
				}
			},
			saveBases: (b) => saveBases(host.plugin, b),
			beforeMerges: (entries) => writeJournal(host.plugin, entries),
			afterMerges: (unfinished) => (unfinished.length > 0 ? writeJournal(host.plugin, unfinished) : clearJournal(host.plugin)),
		}, { bases, recordLost: host.recordLost === true, recreateMissing: options.recreateMissing === true });
		if (!result.saveError) {
			host.recordLost = false;
			await rotateBackup(host.plugin, true).catch(() => undefined);
		}
		const c = result.counts;
		c.completed += completed.length;
		const offers = result.actions.filter((a) => a.offer).length;
		const notes: string[] = [];
		if (offers) notes.push(`Compare ${offers === 1 ? "it" : "them"} with the new version in the report.`);
		if (c.missing) notes.push("The report offers to recreate them.");
		if (result.plan.rebuilt) notes.push("The record of installed notes was rebuilt from the notes' content.");
		if (result.saveError) notes.push(`The record could not be saved (${result.saveError}); the next run recognises the notes by their content.`);
		if (warning) notes.push(warning);
		new Notice(`ML system design notes: ${summarizeCounts(c)}${notes.length ? ` ${notes.join(" ")}` : ""}`);
		const reportable = c.updated + c.merged + c.completed + c.conflicts + c.keptEdited + c.keptDeleted + c.missing + c.skippedClash + c.failed;
		if (options.showReport && (reportable > 0 || result.plan.rebuilt)) new InstallReportModal(host, result).open();
		return result;
	} catch (e) {
		const what = e instanceof Error ? e.message : String(e);
		new Notice(e instanceof RecordWriteError ? what : `Install stopped: ${what}`);
		return null;
	} finally {
		running.delete(host);
	}
}
