/**
 * A note's outline: its headings, list items (tasks among them) and wikilinks,
 * each with its 0-based line in the note's full text, the way Obsidian's
 * metadata cache reports them (`CachedMetadata.headings`, `.listItems`,
 * `.links`). Inside Obsidian the plugin builds the outline from the cache
 * (src/obsidian/outline.ts); the CLI, the tests and the plugin's fallback for a
 * note the cache has not indexed yet build it from the text here. Every rule
 * that reads sections, tasks or links works on the outline, so both sources
 * give the same answers wherever they agree on the note's structure.
 */
import { codeLineMask, parseLinkText, splitFrontmatter } from "./markdown";

export interface OutlineHeading {
	level: number;
	/** The heading's text, as Obsidian reports it (no `#` marks, trimmed). */
	text: string;
	line: number;
}

export interface OutlineListItem {
	line: number;
	/** The character between the brackets of a task (`" "`, `"x"`, ...); undefined for a plain item. */
	task?: string;
}

export interface OutlineLink {
	target: string;
	heading: string | null;
	alias: string | null;
	line: number;
	embed: boolean;
}

export interface Outline {
	headings: OutlineHeading[];
	listItems: OutlineListItem[];
	links: OutlineLink[];
}

/** A note's text with its outline. */
export interface OutlinedNote {
	text: string;
	outline: Outline;
}

/** A note as core functions take it: text alone (outlined here) or text with the outline from Obsidian's cache. */
export type NoteInput = string | OutlinedNote;

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const LIST_ITEM = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)(?:\[(.)\](?=[ \t]|$))?/;
const WIKILINK = /(!?)\[\[([^\]\n]+?)\]\]/g;

/** The outline of a note's text: frontmatter and fenced code skipped, as the metadata cache skips them. */
export function textOutline(text: string): Outline {
	const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
	const { yaml, bodyStartLine } = splitFrontmatter(text);
	const first = yaml === null ? 0 : bodyStartLine - 1;
	const mask = codeLineMask(lines);
	const out: Outline = { headings: [], listItems: [], links: [] };
	for (let i = first; i < lines.length; i++) {
		if (mask[i]) continue;
		const line = lines[i]!;
		const h = HEADING.exec(line);
		if (h && h[2]!.trim() !== "") out.headings.push({ level: h[1]!.length, text: h[2]!.trim(), line: i });
		const li = h ? null : LIST_ITEM.exec(line);
		if (li) out.listItems.push(li[2] === undefined ? { line: i } : { line: i, task: li[2] });
		const masked = line.replace(/`[^`]*`/g, (m) => " ".repeat(m.length));
		for (const m of masked.matchAll(WIKILINK)) {
			const p = parseLinkText(m[2]!);
			out.links.push({ target: p.target, heading: p.heading, alias: p.alias, line: i, embed: m[1] === "!" });
		}
	}
	return out;
}

/** The note with its outline (from the text when none is given). */
export function outlined(note: NoteInput): OutlinedNote {
	return typeof note === "string" ? { text: note, outline: textOutline(note) } : note;
}

/** The note's lines, line endings removed (the outline's line numbers index them). */
export function noteLines(note: OutlinedNote): string[] {
	return note.text.split("\n").map((l) => l.replace(/\r$/, ""));
}

/** Lines [from, to) of a range of a note. */
export interface LineRange {
	from: number;
	to: number;
}

/**
 * The lines under the first heading named `name` (case-insensitive), up to
 * the next heading of the same or a higher level; null when there is none.
 */
export function sectionRange(note: OutlinedNote, name: string): LineRange | null {
	const want = name.trim().toLowerCase();
	const hs = note.outline.headings;
	const at = hs.findIndex((h) => h.text.toLowerCase() === want);
	if (at < 0) return null;
	const h = hs[at]!;
	const next = hs.slice(at + 1).find((x) => x.level <= h.level);
	return { from: h.line + 1, to: next ? next.line : noteLines(note).length };
}

/** The body's lines: everything after the frontmatter. */
export function bodyRange(note: OutlinedNote): LineRange {
	const { yaml, bodyStartLine } = splitFrontmatter(note.text);
	return { from: yaml === null ? 0 : bodyStartLine - 1, to: noteLines(note).length };
}

/** The text of a section (see sectionRange), or null. */
export function sectionOf(note: NoteInput, name: string): string | null {
	const n = outlined(note);
	const r = sectionRange(n, name);
	return r ? noteLines(n).slice(r.from, r.to).join("\n") : null;
}

export interface Task {
	/** The item's text after the checkbox (its first line). */
	text: string;
	done: boolean;
	/** The character between the brackets. */
	status: string;
	line: number;
}

const TASK_TEXT = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[(.)\][ \t]*(.*?)[ \t]*$/;
const ITEM_TEXT = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+(.*?)[ \t]*$/;

/** Tasks in a range (the whole note by default), with text; empty ones (`- [ ] `) are left out. */
export function tasksIn(note: OutlinedNote, range: LineRange = { from: 0, to: Number.MAX_SAFE_INTEGER }): Task[] {
	const lines = noteLines(note);
	const out: Task[] = [];
	for (const item of note.outline.listItems) {
		if (item.task === undefined || item.line < range.from || item.line >= range.to) continue;
		const m = TASK_TEXT.exec(lines[item.line] ?? "");
		if (m && m[2] !== "") out.push({ text: m[2]!, done: item.task !== " ", status: item.task, line: item.line });
	}
	return out;
}

/** Plain (non-task) list items' text in a range. */
export function plainItemsIn(note: OutlinedNote, range: LineRange): string[] {
	const lines = noteLines(note);
	const out: string[] = [];
	for (const item of note.outline.listItems) {
		if (item.task !== undefined || item.line < range.from || item.line >= range.to) continue;
		const m = ITEM_TEXT.exec(lines[item.line] ?? "");
		if (m && m[1] !== "") out.push(m[1]!);
	}
	return out;
}

/** Wikilinks in a range. */
export function linksIn(note: OutlinedNote, range: LineRange): OutlineLink[] {
	return note.outline.links.filter((l) => l.line >= range.from && l.line < range.to);
}
