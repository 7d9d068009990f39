/**
 * The rest of the install lifecycle: offered updates (Keep mine / Take new),
 * "Restore a shipped note" and "Remove untouched shipped notes".
 */
import { FuzzySuggestModal, Modal, Notice, Setting, TFile, type App } from "obsidian";
import { contentHash } from "../core/hash";
import type { InstallAction } from "../core/install";
import { baseTokens } from "../core/merge";
import { COPY_OF } from "../core/schema";
import { installedFolder } from "../core/settings";
import { dirname, joinPath, noteName } from "../core/paths";
import type { TemplateFile } from "../core/types";
import { CompareModal } from "./CompareModal";
import { shippedNotes, type PluginHost } from "./host";
import { ensureFolder } from "./notes";
import { ObsidianVault } from "./ObsidianVault";
import { clearJournal, loadBases, saveBases, writeJournal } from "./pluginFiles";

/**
 * Adds `copy-of: "[[Name]]"` to a saved copy's properties through
 * processFrontMatter (the body stays byte for byte). A note with `copy-of` is
 * left out of prompts and checklists (see toRecord), so the copy does not
 * appear twice. Properties that are not valid YAML are left as they are: such a
 * note takes part in nothing, and the copy already holds every word.
 */
async function markAsCopy(app: App, copy: TFile, original: string): Promise<void> {
	try {
		await app.fileManager.processFrontMatter(copy, (fm: Record<string, unknown>) => {
			fm[COPY_OF] = `[[${original}]]`;
		});
	} catch {
		/* invalid YAML: see above */
	}
}

/** Saves the user's version next to the note as "<name> (my version).md" (numbered if taken). */
async function keepCopy(app: App, file: TFile, text: string): Promise<string> {
	const folder = dirname(file.path);
	let path = "";
	for (let i = 1; ; i++) {
		path = joinPath(folder, `${file.basename} (my version${i === 1 ? "" : ` ${i}`}).${file.extension}`);
		if (!app.vault.getAbstractFileByPath(path)) break;
	}
	const copy = await app.vault.create(path, text);
	// Only notes have properties; a saved copy of a .base or .canvas file stays byte for byte.
	if (file.extension === "md") await markAsCopy(app, copy, file.basename);
	return path;
}

/** Records that a note now builds on this shipped version: the record entry, and its merge base. */
async function recordTaken(host: PluginHost, shipped: TemplateFile): Promise<void> {
	host.data.install.files[shipped.path] = shipped.hash;
	if (host.data.install.declined) delete host.data.install.declined[shipped.path];
	await host.save();
	const { bases } = await loadBases(host.plugin);
	bases.notes[shipped.path] = { [shipped.hash]: bases.notes[shipped.path]?.[shipped.hash] ?? baseTokens(shipped.content) };
	await saveBases(host.plugin, bases);
}

/**
 * Replaces a note with the shipped version, keeping the user's text as a
 * copy when it differs. The write is a compare-and-swap against the text the
 * copy was made from, so a save in between is never lost.
 */
export async function takeShipped(host: PluginHost, shipped: TemplateFile): Promise<string | null> {
	const { app } = host;
	const target = joinPath(installedFolder(host.data), shipped.path);
	const file = app.vault.getFileByPath(target);
	let copy: string | null = null;
	if (file) {
		const text = await app.vault.read(file);
		if (contentHash(text) !== shipped.hash) copy = await keepCopy(app, file, text);
		if (!(await new ObsidianVault(app.vault).replace(target, contentHash(text), shipped.content))) {
			throw new Error(`"${noteName(target)}" changed while it was being replaced; nothing was overwritten. Try again.`);
		}
	} else {
		await ensureFolder(app, dirname(target));
		await app.vault.create(target, shipped.content);
	}
	await recordTaken(host, shipped);
	return copy;
}

/**
 * Applies every change of the new version that does not overlap the user's
 * edits, keeping the user's text where they do (the merge's partial result).
 * Only if the note still holds what the merge was computed from.
 */
export async function takeNonConflicting(host: PluginHost, action: InstallAction): Promise<void> {
	if (action.partial === undefined || action.expect === undefined) throw new Error("No merge is available for this note.");
	await writeJournal(host.plugin, [{ target: action.target, before: "", after: action.partial }]);
	const ok = await new ObsidianVault(host.app.vault).replace(action.target, action.expect, action.partial);
	await clearJournal(host.plugin);
	if (!ok) throw new Error(`"${noteName(action.target)}" changed since the update was planned; run "Install or update notes" again.`);
	await recordTaken(host, action.file);
}

export async function declineShipped(host: PluginHost, shipped: TemplateFile): Promise<void> {
	host.data.install.declined = { ...(host.data.install.declined ?? {}), [shipped.path]: shipped.hash };
	await host.save();
}

export type CompareChoice = "mine" | "new" | "partial";

/** Opens the line diff for one offered update; `after` gets the choice, or null when the view was closed without one. */
export async function compareOffer(host: PluginHost, action: InstallAction, after?: (choice: CompareChoice | null) => void): Promise<void> {
	const shipped = action.file;
	const file = host.app.vault.getFileByPath(action.target);
	const mine = file ? await host.app.vault.read(file) : "";
	new CompareModal(host.app, noteName(shipped.path), mine, shipped.content, action.conflicts ?? [], action.partial !== undefined, (choice) => {
		if (choice === null) {
			after?.(null);
			return;
		}
		void (async () => {
			try {
				if (choice === "new") {
					const copy = await takeShipped(host, shipped);
					new Notice(`Updated "${noteName(shipped.path)}".${copy ? ` Your version is kept in "${copy}".` : ""}`);
				} else if (choice === "partial") {
					await takeNonConflicting(host, action);
					new Notice(`Applied the changes of "${noteName(shipped.path)}" that do not overlap yours; your text is kept where they do.`);
				} else {
					await declineShipped(host, shipped);
					new Notice(`Kept your "${noteName(shipped.path)}". This version will not be offered again.`);
				}
				after?.(choice);
			} catch (e) {
				new Notice(`Could not update "${noteName(shipped.path)}": ${e instanceof Error ? e.message : String(e)}`);
				after?.(null);
			}
		})();
	}).open();
}

type NoteState = "unchanged" | "edited" | "deleted" | "not installed";

class ShippedNoteModal extends FuzzySuggestModal<{ file: TemplateFile; state: NoteState }> {
	constructor(private readonly host: PluginHost, private readonly items: { file: TemplateFile; state: NoteState }[]) {
		super(host.app);
		this.setPlaceholder("Choose a shipped note to restore");
	}
	getItems(): { file: TemplateFile; state: NoteState }[] {
		return this.items;
	}
	getItemText(item: { file: TemplateFile; state: NoteState }): string {
		return `${noteName(item.file.path)} (${item.state})`;
	}
	onChooseItem(item: { file: TemplateFile; state: NoteState }): void {
		void takeShipped(this.host, item.file).then((copy) => {
			new Notice(`Restored "${noteName(item.file.path)}".${copy ? ` Your version is kept in "${copy}".` : ""}`);
		}, (e: unknown) => new Notice(`Could not restore: ${e instanceof Error ? e.message : String(e)}`));
	}
}

async function noteStates(host: PluginHost): Promise<{ file: TemplateFile; state: NoteState }[]> {
	const out: { file: TemplateFile; state: NoteState }[] = [];
	for (const file of (await shippedNotes(host)).files) {
		const existing = host.app.vault.getFileByPath(joinPath(installedFolder(host.data), file.path));
		const installed = host.data.install.files[file.path];
		let state: NoteState;
		if (!existing) state = installed ? "deleted" : "not installed";
		else state = contentHash(await host.app.vault.read(existing)) === file.hash ? "unchanged" : "edited";
		out.push({ file, state });
	}
	return out;
}

export function restoreShippedNote(host: PluginHost): void {
	void noteStates(host).then((states) => {
		const candidates = states.filter((s) => s.state !== "unchanged");
		if (candidates.length === 0) {
			new Notice("Every shipped note is present and unchanged; there is nothing to restore.");
			return;
		}
		new ShippedNoteModal(host, candidates).open();
	});
}

class ConfirmModal extends Modal {
	constructor(app: App, private readonly title: string, private readonly text: string, private readonly action: string, private readonly onYes: () => void) {
		super(app);
	}
	onOpen(): void {
		this.setTitle(this.title);
		this.contentEl.createEl("p", { text: this.text });
		new Setting(this.contentEl)
			.addButton((b) => b.setButtonText("Cancel").onClick(() => this.close()))
			.addButton((b) => {
				b.buttonEl.addClass("mod-warning");
				b.setButtonText(this.action).onClick(() => {
					this.close();
					this.onYes();
				});
			});
	}
	onClose(): void {
		this.contentEl.empty();
	}
}

/** Moves shipped notes the user never changed to the trash; edited notes stay. */
export function removeUntouched(host: PluginHost): void {
	void (async () => {
		const untouched: { file: TFile; hash: string }[] = [];
		let edited = 0;
		for (const file of (await shippedNotes(host)).files) {
			const f = host.app.vault.getFileByPath(joinPath(installedFolder(host.data), file.path));
			if (!f) continue;
			const hash = contentHash(await host.app.vault.read(f));
			if (hash === host.data.install.files[file.path] || hash === file.hash) untouched.push({ file: f, hash });
			else edited++;
		}
		if (untouched.length === 0) {
			new Notice("No untouched shipped notes to remove.");
			return;
		}
		new ConfirmModal(
			host.app,
			"Remove untouched shipped notes",
			`Move ${untouched.length} shipped notes you have not changed to the trash? ${edited} note${edited === 1 ? "" : "s"} you edited will stay.`,
			"Move to trash",
			() => void (async () => {
				// A note edited while the question was open is no longer untouched: it stays.
				let moved = 0;
				for (const { file, hash } of untouched) {
					if (file.parent === null || contentHash(await host.app.vault.read(file)) !== hash) {
						edited++;
						continue;
					}
					await host.app.fileManager.trashFile(file);
					moved++;
				}
				new Notice(`Moved ${moved} untouched notes to the trash; kept ${edited} you edited.`);
			})(),
		).open();
	})();
}
