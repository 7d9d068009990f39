/** Reading and writing the notes the commands work with, through the Vault API. */
import { normalizePath, TFile, TFolder, type App } from "obsidian";
import { buildChecklist, type ChecklistSection } from "../core/checklist";
import type { CaseRecord, Catalog } from "../core/catalog";
import { listItems, sectionText, splitFrontmatter } from "../core/markdown";
import { uniqueNotePath } from "../core/paths";
import type { EmbeddedTemplate } from "../core/types";

export const TWISTS_NOTE = "Constraints and twists";

export async function readNote(app: App, path: string): Promise<string | null> {
	const file = app.vault.getFileByPath(path);
	return file ? app.vault.cachedRead(file) : null;
}

/** Twists from the user-editable constraints note; the shipped copy when it is not in the vault. */
export async function loadTwists(app: App, template: EmbeddedTemplate): Promise<string[]> {
	const file = app.metadataCache.getFirstLinkpathDest(TWISTS_NOTE, "");
	const text = file ? await app.vault.cachedRead(file) : template.files.find((f) => f.path.endsWith(`/${TWISTS_NOTE}.md`))?.content;
	if (!text) return [];
	return listItems(sectionText(splitFrontmatter(text).body, "Twists") ?? "");
}

/** Builds the checklist from the notes as they are now (so edits show up at once). */
export async function checklistFor(app: App, catalog: Catalog, chosen: CaseRecord | null): Promise<ChecklistSection[]> {
	const read = async (path: string): Promise<string> => (await readNote(app, path)) ?? "";
	const steps = await Promise.all(catalog.steps().map(async (s) => ({ name: s.name, step: s.step, minutes: s.minutes, text: await read(s.path) })));
	const extras = [];
	for (const s of steps) {
		for (const c of catalog.checklistNotes(s.step)) extras.push({ name: c.name, step: c.step, text: await read(c.path) });
	}
	const caseNote = chosen ? { name: chosen.name, text: await read(chosen.path) } : null;
	return buildChecklist({ steps, extras, caseNote });
}

export async function ensureFolder(app: App, folder: string): Promise<void> {
	const path = normalizePath(folder);
	const existing = app.vault.getAbstractFileByPath(path);
	if (existing instanceof TFolder) return;
	if (existing) throw new Error(`"${path}" is a file, not a folder.`);
	await app.vault.createFolder(path);
}

/** Creates a note with a unique, OS-safe name in a folder and opens it in a new tab. */
export async function createAndOpen(app: App, folder: string, title: string, content: string): Promise<TFile> {
	await ensureFolder(app, folder);
	const path = uniqueNotePath(normalizePath(folder), title, (p) => app.vault.getAbstractFileByPath(p) !== null);
	const file = await app.vault.create(path, content);
	await app.workspace.getLeaf(true).openFile(file);
	return file;
}
