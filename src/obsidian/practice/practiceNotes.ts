/** Reading and writing practice notes for the practice loop, through metadataCache and the Vault API. */
import { TFile, type App } from "obsidian";
import { toRecord, type PracticeRecord } from "../../core/catalog";
import { inlineTagsOf, kindOfCached } from "../CatalogService";
import { timingSection, withTimingSection, type StepResult } from "../../core/practice";
import { applyPropertyChange, type PropertyChange } from "../../core/session";
import { processNote } from "../noteWrite";

export type PracticeNoteCheck = { record: PracticeRecord } | { problem: string };

/** Whether a file is a readable practice note, from its cached properties (works before the catalog has caught up). */
export function checkPracticeNote(app: App, file: TFile): PracticeNoteCheck {
	const cache = app.metadataCache.getFileCache(file);
	const result = toRecord(file.path, cache?.frontmatter ?? null, "personal", inlineTagsOf(cache));
	if (result && "record" in result && result.record.type === "practice") return { record: result.record as PracticeRecord };
	if (result && "skipped" in result && kindOfCached(cache) === "practice") {
		return { problem: `"${file.basename}" has practice properties the plugin cannot read: ${result.skipped.problems.join("; ")}.` };
	}
	return { problem: "Open a practice note first. Draw a prompt and choose \"Start practice\", or run \"Practise the next due case\"." };
}

/** The file still at this path, or null when it was deleted or moved away. */
export function liveFile(app: App, file: TFile | string): TFile | null {
	const path = typeof file === "string" ? file : file.path;
	const found = app.vault.getFileByPath(path);
	if (!found || (typeof file !== "string" && found !== file)) return null;
	return found;
}

/**
 * Writes the "## Timing" table (through the editor when the note is open), then sets (and removes)
 * properties with processFrontMatter. Returns false when the note is gone.
 */
export async function writeLoopResults(app: App, file: TFile, change: PropertyChange, results: readonly StepResult[]): Promise<boolean> {
	if (!liveFile(app, file)) return false;
	await processNote(app, file, (text) => withTimingSection(text, timingSection(results)));
	if (!liveFile(app, file)) return false;
	await app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
		applyPropertyChange(fm, change);
	});
	return true;
}

export function errorText(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}
