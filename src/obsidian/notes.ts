/** Reading and writing the notes the commands work with, through the Vault API. */
import { ObsidianVault } from "./ObsidianVault";
import { normalizePath, Notice, TFile, type App } from "obsidian";
import { checklistFromCatalog, type ChecklistSection } from "../core/checklist";
import type { CaseRecord, Catalog, SkippedNote } from "../core/catalog";
import { uniqueNotePath } from "../core/paths";
import { twistsFromCatalog, type Twist } from "../core/twists";
import { readOutlined } from "./outline";

export async function readNote(app: App, path: string): Promise<string | null> {
	const file = app.vault.getFileByPath(path);
	return file ? app.vault.cachedRead(file) : null;
}

/** The twist notes in the vault (tag mlsd/twist), ours and the user's, with what the interviewer says. */
export function loadTwists(app: App, catalog: Catalog): Promise<Twist[]> {
	// An unreadable twist note is left out (null) rather than stopping the draw.
	return twistsFromCatalog(catalog, (path) => readOutlined(app, path).catch(() => null));
}

/** Builds the checklist from the notes as they are now (so edits show up at once); a note that cannot be read is named and left out. */
export async function checklistFor(app: App, catalog: Catalog, chosen: CaseRecord | null): Promise<ChecklistSection[]> {
	const unreadable: SkippedNote[] = [];
	const sections = await checklistFromCatalog(catalog, chosen, async (path) => (await readOutlined(app, path)) ?? "", unreadable);
	if (unreadable.length > 0) {
		new Notice(`Left out of the checklist: ${unreadable.map((u) => `"${u.path}" (${u.problems[0] ?? "unreadable"})`).join("; ")}.`, 10000);
	}
	return sections;
}

/** Creates the folder and any missing parents; the same code the installer uses. */
export function ensureFolder(app: App, folder: string): Promise<void> {
	return new ObsidianVault(app.vault).ensureFolder(folder);
}

/** Creates a note with a unique, OS-safe name in a folder and opens it in a new tab. */
export async function createAndOpen(app: App, folder: string, title: string, content: string): Promise<TFile> {
	await ensureFolder(app, folder);
	const path = uniqueNotePath(normalizePath(folder), title, (p) => app.vault.getAbstractFileByPath(p) !== null);
	const file = await app.vault.create(path, content);
	await app.workspace.getLeaf(true).openFile(file);
	return file;
}
