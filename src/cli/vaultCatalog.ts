/** The catalog of a folder on disk, for `mlsd prompt` and `mlsd checklist`. */
import { Catalog, toRecord, type CaseRecord, type RecordResult } from "../core/catalog";
import { checklistFromCatalog, type ChecklistSection } from "../core/checklist";
import { twistsFromCatalog, type Twist } from "../core/twists";
import type { EmbeddedTemplate } from "../core/types";
import { parseFrontmatter } from "./frontmatter";
import { FsVault } from "./fsVault";

export interface FolderCatalog {
	catalog: Catalog;
	texts: Map<string, string>;
}

export async function loadFolderCatalog(folder: string, template: EmbeddedTemplate): Promise<FolderCatalog> {
	const vault = new FsVault(folder);
	const shipped = template.files.map((f) => f.path);
	const texts = new Map<string, string>();
	const results: RecordResult[] = [];
	for (const path of (await vault.listFiles()).filter((p) => p.endsWith(".md"))) {
		const text = await vault.read(path);
		texts.set(path, text);
		const parsed = parseFrontmatter(text);
		const origin = shipped.some((s) => path === s || path.endsWith(`/${s}`)) ? "shipped" : "personal";
		if ("error" in parsed) results.push({ skipped: { path, problems: [`invalid YAML: ${parsed.error}`] } });
		else results.push(toRecord(path, parsed.data, origin));
	}
	return { catalog: Catalog.from(results), texts };
}

/** The twist notes under the folder (tag mlsd/twist), with their text: ours and the user's alike. */
export function folderTwists(fc: FolderCatalog): Promise<Twist[]> {
	return twistsFromCatalog(fc.catalog, (path) => fc.texts.get(path) ?? null);
}

export function folderChecklist(fc: FolderCatalog, chosen: CaseRecord | null): Promise<ChecklistSection[]> {
	return checklistFromCatalog(fc.catalog, chosen, (path) => fc.texts.get(path) ?? "");
}
