/**
 * A note's outline (headings, list items and tasks, wikilinks) from Obsidian's
 * metadata cache, so the plugin reads a note's structure the way Obsidian
 * parsed it (code blocks, comments, callouts and all) instead of re-parsing
 * the text. The text parser in src/core/outline.ts is the fallback for a note
 * the cache has not indexed yet, or whose cache is behind a write that just
 * happened (every position is checked against the text before it is used).
 */
import type { App, CachedMetadata, Pos, TFile } from "obsidian";
import { parseLinkText } from "../core/markdown";
import { outlined, type Outline, type OutlinedNote } from "../core/outline";

/** Offsets of the start of each line. */
function lineStarts(text: string): number[] {
	const out = [0];
	for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) out.push(i + 1);
	return out;
}

const HEADING_LINE = /^[ \t>]*(#{1,6})(?:[ \t]|$)/;
const ITEM_AT = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const TASK_AT = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[(.)\]/;

/**
 * The outline from a note's cache entry, or null when there is no entry or
 * any position in it does not fit `text` (the cache is behind the text).
 */
export function cacheOutline(cache: CachedMetadata | null, text: string): Outline | null {
	if (!cache) return null;
	// Obsidian's sections cover the note to its last block: text beyond it was written after the cache was built.
	const last = cache.sections?.at(-1);
	if (last && text.slice(last.position.end.offset).trim() !== "") return null;
	const starts = lineStarts(text);
	const fits = (p: Pos): boolean => starts[p.start.line] !== undefined && starts[p.start.line]! + p.start.col === p.start.offset && p.end.offset <= text.length;
	const lineAt = (line: number): string => text.slice(starts[line] ?? text.length, starts[line + 1] ?? text.length).replace(/\r?\n$/, "");
	const out: Outline = { headings: [], listItems: [], links: [] };
	for (const h of cache.headings ?? []) {
		const m = HEADING_LINE.exec(lineAt(h.position.start.line));
		if (!fits(h.position) || !m || m[1]!.length !== h.level) return null;
		out.headings.push({ level: h.level, text: h.heading.trim(), line: h.position.start.line });
	}
	for (const li of cache.listItems ?? []) {
		if (!fits(li.position)) return null;
		const at = lineAt(li.position.start.line).slice(li.position.start.col);
		if (!ITEM_AT.test(at)) return null;
		if (li.task !== undefined && TASK_AT.exec(at)?.[1] !== li.task) return null;
		out.listItems.push(li.task === undefined ? { line: li.position.start.line } : { line: li.position.start.line, task: li.task });
	}
	for (const l of cache.links ?? []) {
		if (!fits(l.position) || text.slice(l.position.start.offset, l.position.end.offset) !== l.original) return null;
		const p = parseLinkText(l.link);
		const alias = l.displayText !== undefined && l.displayText !== l.link ? l.displayText : null;
		out.links.push({ target: p.target, heading: p.heading, alias, line: l.position.start.line, embed: l.original.startsWith("!") });
	}
	return out;
}

/** The note's text with its outline: from the cache when it fits the text, else from the text. */
export function outlinedNote(app: App, file: TFile, text: string): OutlinedNote {
	const outline = cacheOutline(app.metadataCache.getFileCache(file), text);
	return outline ? { text, outline } : outlined(text);
}

/** Reads a note (cachedRead) with its outline; null when there is no note at the path. */
export async function readOutlined(app: App, path: string): Promise<OutlinedNote | null> {
	const file = app.vault.getFileByPath(path);
	if (!file) return null;
	return outlinedNote(app, file, await app.vault.cachedRead(file));
}
