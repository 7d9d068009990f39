/** The catalog of a folder on disk, for `mlsd prompt` and `mlsd checklist`. */
import { Catalog, toRecord, type CaseRecord, type RecordResult } from "../core/catalog";
import { checklistFromCatalog, type ChecklistSection } from "../core/checklist";
import { twistsFromCatalog, type Twist } from "../core/twists";
import type { EmbeddedTemplate } from "../core/types";
import { readFile, stat } from "fs/promises";
import { join } from "path";
import { cardsInNote, DEFAULT_NEW_CARDS_PER_DAY, dueCardCount, parseReviewLog } from "../core/flashcards";
import { inlineTags, splitFrontmatter } from "../core/markdown";
import { parseFrontmatter } from "./frontmatter";
import { FsVault } from "./fsVault";

export interface FolderCatalog {
	catalog: Catalog;
	texts: Map<string, string>;
}

/** Notes larger than this are not read as notes (a 50 MB log is nobody's case study). */
export const MAX_NOTE_BYTES = 5 * 1024 * 1024;

/** A note's record from its full text; a note whose properties do not parse is ours (and named) only when it mentions an `mlsd/` tag. */
export function recordFromText(path: string, text: string, origin: "shipped" | "personal"): RecordResult {
	const parsed = parseFrontmatter(text);
	if ("error" in parsed) {
		const yaml = splitFrontmatter(text).yaml ?? text.slice(0, 2000);
		return /mlsd\//i.test(yaml) ? { skipped: { path, problems: [`the properties are not valid YAML${parsed.line ? ` (line ${parsed.line})` : ""}: ${parsed.error}`] } } : null;
	}
	return toRecord(path, parsed.data, origin, inlineTags(parsed.body));
}

/**
 * Every note under a folder, as a catalog. One unreadable note never stops
 * the others: it is named in `catalog.skipped()` and the rest is read.
 */
export async function loadFolderCatalog(folder: string, template: EmbeddedTemplate): Promise<FolderCatalog> {
	const vault = new FsVault(folder);
	const shipped = template.files.map((f) => f.path);
	const texts = new Map<string, string>();
	const results: RecordResult[] = [];
	const paths = (await vault.listFiles()).filter((p) => p.endsWith(".md"));
	const read = await readAll(folder, paths);
	paths.forEach((path, i) => {
		const r = read[i]!;
		if ("error" in r) {
			results.push({ skipped: { path, problems: [`could not be read: ${r.error}`] } });
			return;
		}
		texts.set(path, r.text);
		const origin = shipped.some((s) => path === s || path.endsWith(`/${s}`)) ? "shipped" : "personal";
		results.push(recordFromText(path, r.text, origin));
	});
	return { catalog: Catalog.from(results), texts };
}

/** Reads many notes, a few at a time; each failure is kept with its message, in the order of `paths`. */
export async function readAll(folder: string, paths: readonly string[], parallel = 32): Promise<({ text: string } | { error: string })[]> {
	const out = new Array<{ text: string } | { error: string }>(paths.length);
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < paths.length) {
			const i = next++;
			try {
				out[i] = { text: await readNoteText(folder, paths[i]!) };
			} catch (e) {
				out[i] = { error: e instanceof Error ? e.message : String(e) };
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(parallel, paths.length) }, worker));
	return out;
}

/** Reads a regular file of at most MAX_NOTE_BYTES as text; throws a readable error otherwise. */
export async function readNoteText(folder: string, path: string): Promise<string> {
	const file = join(folder, ...path.split("/"));
	const info = await stat(file);
	if (!info.isFile()) throw new Error("not a regular file");
	if (info.size > MAX_NOTE_BYTES) throw new Error(`larger than ${MAX_NOTE_BYTES / 1024 / 1024} MB`);
	return readFile(file, "utf8");
}

/** The twist notes under the folder (tag mlsd/twist), with their text: ours and the user's alike. */
export function folderTwists(fc: FolderCatalog): Promise<Twist[]> {
	return twistsFromCatalog(fc.catalog, (path) => fc.texts.get(path) ?? null);
}

export function folderChecklist(fc: FolderCatalog, chosen: CaseRecord | null): Promise<ChecklistSection[]> {
	return checklistFromCatalog(fc.catalog, chosen, (path) => fc.texts.get(path) ?? "");
}

/**
 * How many flashcards are due now in a folder (due reviews plus today's new
 * cards), from its concept notes and the review log note at `logPath`
 * (relative to the folder; the practice folder's "Flashcard reviews.md").
 * For `mlsd plan`; the plugin's "Today's plan" uses the same core function.
 */
export function folderFlashcardsDue(fc: FolderCatalog, logPath: string, now: Date, newPerDay = DEFAULT_NEW_CARDS_PER_DAY, today?: string): number {
	const cards = fc.catalog.ofType("concept").flatMap((c) => cardsInNote(c, fc.texts.get(c.path) ?? ""));
	const log = parseReviewLog(fc.texts.get(logPath) ?? "");
	return dueCardCount(cards, log.reviews, { now, newPerDay, ...(today ? { today } : {}) });
}
