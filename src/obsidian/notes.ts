/** Reading and writing the notes the commands work with, through the Vault API. */
import { ObsidianVault } from "./ObsidianVault";
import { normalizePath, TFile, type App } from "obsidian";
import { checklistFromCatalog, type ChecklistSection } from "../core/checklist";
import type { CaseRecord, Catalog } from "../core/catalog";
import { uniqueNotePath } from "../core/paths";
import { twistsFromCatalog, type Twist } from "../core/twists";

export async function readNote(app: App, path: string): Promise<string | null> {
	const file = app.vault.getFileByPath(path);
	return file ? app.vault.cachedRead(file) : null;
}

/** The twist notes in the vault (tag mlsd/twist), ours and the user's, with what the interviewer says. */
export function loadTwists(app: App, catalog: Catalog): Promise<Twist[]> {
	return twistsFromCatalog(catalog, (path) => readNote(app, path));
}

/** Builds the checklist from the notes as they are now (so edits show up at once). */
export function checklistFor(app: App, catalog: Catalog, chosen: CaseRecord | null): Promise<ChecklistSection[]> {
	return checklistFromCatalog(catalog, chosen, async (path) => (await readNote(app, path)) ?? "");
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
