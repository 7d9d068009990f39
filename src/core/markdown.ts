/**
 * Reading the parts of a note the plugin relies on: frontmatter boundaries,
 * headings, sections, wikilinks, checklists, flashcards and diagrams.
 * Line numbers are 1-based and count from the top of the file.
 */

export interface FrontmatterBlock {
	/** The YAML between the fences, or null when the note has none. */
	yaml: string | null;
	/** Everything after the closing fence. */
	body: string;
	/** Line number of the first body line. */
	bodyStartLine: number;
}

export function splitFrontmatter(text: string): FrontmatterBlock {
	const normal = text.replace(/\r\n?/g, "\n");
	if (!normal.startsWith("---\n")) return { yaml: null, body: normal, bodyStartLine: 1 };
	const lines = normal.split("\n");
	for (let i = 1; i < lines.length; i++) {
		if (lines[i] === "---" || lines[i] === "...") {
			return { yaml: lines.slice(1, i).join("\n"), body: lines.slice(i + 1).join("\n"), bodyStartLine: i + 2 };
		}
	}
	return { yaml: null, body: normal, bodyStartLine: 1 };
}

/** Marks which lines of a text are inside fenced code blocks (fence lines included). */
export function codeLineMask(lines: string[]): boolean[] {
	const mask: boolean[] = new Array<boolean>(lines.length).fill(false);
	let fence: string | null = null;
	for (let i = 0; i < lines.length; i++) {
		const m = /^\s{0,3}(`{3,}|~{3,})/.exec(lines[i] ?? "");
		if (fence === null && m) {
			fence = m[1]!.slice(0, 3);
			mask[i] = true;
		} else if (fence !== null) {
			mask[i] = true;
			if (m && m[1]!.startsWith(fence)) fence = null;
		}
	}
	return mask;
}

export interface Heading {
	level: number;
	text: string;
	line: number;
}

export function headings(text: string, firstLine = 1): Heading[] {
	const lines = text.split("\n");
	const mask = codeLineMask(lines);
	const out: Heading[] = [];
	lines.forEach((line, i) => {
		if (mask[i]) return;
		const m = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
		if (m) out.push({ level: m[1]!.length, text: m[2]!.trim(), line: firstLine + i });
	});
	return out;
}

/** The text under a heading (matched case-insensitively) up to the next heading of the same or a higher level. */
export function sectionText(body: string, heading: string): string | null {
	const lines = body.split("\n");
	const mask = codeLineMask(lines);
	const want = heading.trim().toLowerCase();
	let start = -1;
	let level = 0;
	for (let i = 0; i < lines.length; i++) {
		if (mask[i]) continue;
		const m = /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(lines[i]!);
		if (!m) continue;
		if (start < 0) {
			if (m[2]!.trim().toLowerCase() === want) {
				start = i + 1;
				level = m[1]!.length;
			}
		} else if (m[1]!.length <= level) {
			return lines.slice(start, i).join("\n");
		}
	}
	return start < 0 ? null : lines.slice(start).join("\n");
}

export interface ChecklistItem {
	text: string;
	done: boolean;
}

/** `- [ ] item` / `* [x] item` lines, outside fenced code. */
export function checklistItems(text: string): ChecklistItem[] {
	const out: ChecklistItem[] = [];
	const lines = text.split("\n");
	const mask = codeLineMask(lines);
	for (let i = 0; i < lines.length; i++) {
		if (mask[i]) continue;
		const line = lines[i]!;
		const m = /^\s*[-*+]\s+\[([ xX])\]\s+(.+?)\s*$/.exec(line);
		if (m) out.push({ done: m[1] !== " ", text: m[2]! });
	}
	return out;
}

/** Plain list items (`- item`), used for twists and other simple lists. */
export function listItems(text: string): string[] {
	const out: string[] = [];
	for (const line of text.split("\n")) {
		const m = /^\s*[-*+]\s+(?!\[[ xX]\])(.+?)\s*$/.exec(line);
		if (m) out.push(m[1]!);
	}
	return out;
}

export interface Flashcard {
	question: string;
	answer: string;
	/** `Question:::Answer`: the Spaced Repetition plugin's reversed card, asked both ways. */
	reversed?: boolean;
	/** 1-based line in the text given. */
	line?: number;
}

/** The Spaced Repetition plugin's scheduling comments (`<!--SR:!2026-01-31,3,250-->`): never card content. */
const SR_COMMENT = /<!--SR:[^>]*?-->/g;

/**
 * `Question::Answer` and `Question:::Answer` lines, the Spaced Repetition
 * plugin's single-line syntax: outside fenced code, with `::` inside inline
 * code (`std::vector`) not taken for a separator, and SR's scheduling
 * comments removed.
 */
export function flashcards(text: string): Flashcard[] {
	const out: Flashcard[] = [];
	const lines = text.split("\n");
	const mask = codeLineMask(lines);
	for (let i = 0; i < lines.length; i++) {
		if (mask[i]) continue;
		const line = lines[i]!.replace(SR_COMMENT, "");
		if (!line.includes("::")) continue;
		const masked = line.replace(/`[^`]*`/g, (m) => " ".repeat(m.length));
		const at = masked.indexOf("::");
		if (at <= 0) continue;
		const reversed = masked[at + 2] === ":";
		const question = line.slice(0, at).replace(/^\s*(?:[-*+]|\d+[.)])\s+/, "").trim();
		const answer = line.slice(at + (reversed ? 3 : 2)).trim();
		if (question && answer) out.push({ question, answer, ...(reversed ? { reversed } : {}), line: i + 1 });
	}
	return out;
}

export interface WikiLink {
	/** Target note name or path, without heading or alias. */
	target: string;
	/** Heading after `#`, or null. Block references (`#^id`) are reported as null heading and kept in `block`. */
	heading: string | null;
	block: string | null;
	alias: string | null;
	line: number;
	embed: boolean;
}

const WIKILINK = /(!?)\[\[([^\]\n]+?)\]\]/g;

export function parseLinkText(inner: string): { target: string; heading: string | null; block: string | null; alias: string | null } {
	const bar = inner.indexOf("|");
	const alias = bar >= 0 ? inner.slice(bar + 1) : null;
	const ref = (bar >= 0 ? inner.slice(0, bar) : inner).replace(/\\$/, "");
	const hash = ref.indexOf("#");
	const target = (hash >= 0 ? ref.slice(0, hash) : ref).trim();
	let heading: string | null = null;
	let block: string | null = null;
	if (hash >= 0) {
		const sub = ref.slice(hash + 1).trim();
		if (sub.startsWith("^")) block = sub.slice(1);
		else heading = sub.split("#").pop()!.trim();
	}
	return { target, heading, block, alias };
}

/** Wikilinks outside code blocks and inline code. */
export function wikilinks(text: string, firstLine = 1): WikiLink[] {
	const lines = text.split("\n");
	const mask = codeLineMask(lines);
	const out: WikiLink[] = [];
	lines.forEach((raw, i) => {
		if (mask[i]) return;
		const line = raw.replace(/`[^`]*`/g, (m) => " ".repeat(m.length));
		for (const m of line.matchAll(WIKILINK)) {
			out.push({ ...parseLinkText(m[2]!), line: firstLine + i, embed: m[1] === "!" });
		}
	});
	return out;
}

export interface CodeBlock {
	lang: string;
	code: string;
	/** Line of the opening fence. */
	line: number;
}

export function codeBlocks(text: string, firstLine = 1): CodeBlock[] {
	const lines = text.split("\n");
	const out: CodeBlock[] = [];
	let open: { lang: string; fence: string; start: number; buf: string[] } | null = null;
	lines.forEach((line, i) => {
		const m = /^\s{0,3}(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
		if (!open && m) open = { lang: m[2]!.toLowerCase(), fence: m[1]!, start: i, buf: [] };
		else if (open && m && m[1]!.startsWith(open.fence) && m[2] === "") {
			out.push({ lang: open.lang, code: open.buf.join("\n"), line: firstLine + open.start });
			open = null;
		} else if (open) open.buf.push(line);
	});
	return out;
}

/** Words of prose: frontmatter and fenced code excluded. */
export function countWords(body: string): number {
	const lines = body.split("\n");
	const mask = codeLineMask(lines);
	let n = 0;
	lines.forEach((line, i) => {
		if (mask[i]) return;
		const m = line.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
		if (m) n += m.length;
	});
	return n;
}

/**
 * Tags written in the body (`#mlsd/concept`), outside code, the way Obsidian
 * finds them: after the start of a line or a space, letters, digits, `_`, `-`
 * and `/`, with at least one character that is not a digit. Without "#".
 */
export function inlineTags(body: string): string[] {
	if (!body.includes("#")) return [];
	const lines = body.split("\n");
	const mask = codeLineMask(lines);
	const out: string[] = [];
	lines.forEach((raw, i) => {
		if (mask[i] || !raw.includes("#")) return;
		const line = raw.replace(/`[^`]*`/g, (m) => " ".repeat(m.length));
		if (/^#{1,6}\s/.test(line)) return;
		for (const m of line.matchAll(/(?:^|\s)#([\p{L}\p{N}_/-]+)/gu)) {
			if (/[^\p{N}]/u.test(m[1]!)) out.push(m[1]!);
		}
	});
	return out;
}
