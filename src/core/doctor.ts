/**
 * Vault checks ("mlsd doctor"): the content contract from CONTENT.md as
 * rules over a folder of notes. Pure: YAML parsing and diagram parsing come
 * in through ports, so the same rules run in jest, the CLI and (later) Obsidian.
 */
import {
	checklistItems, codeBlocks, countWords, flashcards, headings, parseLinkText, sectionText,
	splitFrontmatter, wikilinks,
} from "./markdown";
import { basename, fileNameProblem, noteName } from "./paths";
import { linkTargetOf, noteTypeOf, validateProperties } from "./schema";
import type { Frontmatter, Issue, NoteType } from "./types";

export interface DoctorFile {
	/** Path relative to the folder being checked. */
	path: string;
	text: string;
}

export type YamlResult = { value: unknown } | { error: string; line: number | null };

export interface DoctorPorts {
	/** Parses YAML; on error returns the message and the 0-based line inside the YAML text. */
	parseYaml(text: string): YamlResult;
	/** Parses a Mermaid diagram; resolves to an error message, or null when it parses. */
	checkDiagram?(code: string): Promise<string | null>;
}

export const MIN_WORDS: Partial<Record<NoteType, number>> = { "case-study": 1200, concept: 250, "framework-step": 800 };

export const REQUIRED_SECTIONS: Partial<Record<NoteType, string[]>> = {
	"framework-step": ["What to say and ask", "Time budget", "Common mistakes", "Worked mini-example", "Checklist"],
	"case-study": [
		"Prompt", "Clarifying questions", "Framing as an ML task", "Data and features", "Model", "Evaluation",
		"Serving", "Monitoring", "Follow-up questions", "Pitfalls", "Checklist", "Related",
	],
	concept: ["How it works", "When to use it", "Trade-offs", "Where it shows up", "Flashcards", "See also"],
	checklist: ["Checklist"],
	twist: ["What changes", "Model answer"],
};

/** A twist's model answer says what breaks, the numbers, two options and the pick: at least this many words. */
export const TWIST_ANSWER_WORDS = 60;

export interface DoctorSummary {
	files: number;
	notes: number;
	byType: Record<string, number>;
	words: number;
	diagrams: number;
	links: number;
	errors: number;
}

export interface DoctorReport {
	summary: DoctorSummary;
	issues: Issue[];
}

interface ParsedNote {
	path: string;
	name: string;
	text: string;
	yamlText: string | null;
	fm: Frontmatter | null;
	type: NoteType | null;
	body: string;
	bodyStart: number;
	headings: Set<string>;
}

/** Obsidian matches heading links loosely: case and most punctuation do not matter. */
export function headingKey(text: string): string {
	return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

function propertyLine(yamlText: string | null, key: string): number {
	if (yamlText === null) return 1;
	const i = yamlText.split("\n").findIndex((l) => l.startsWith(`${key}:`));
	return i < 0 ? 1 : i + 2;
}

export class LinkResolver {
	private byName = new Map<string, string[]>();
	private byPath = new Set<string>();
	constructor(paths: readonly string[]) {
		for (const p of paths) {
			this.byPath.add(p.toLowerCase());
			const key = (p.endsWith(".md") ? noteName(p) : basename(p)).toLowerCase();
			const list = this.byName.get(key) ?? [];
			list.push(p);
			this.byName.set(key, list);
		}
	}
	/** The path a link target points at, or null. */
	resolve(target: string): string | null {
		const t = target.trim().toLowerCase();
		const direct = this.byName.get(t) ?? this.byName.get(basename(t));
		if (direct && (!t.includes("/") || direct.length === 1)) return direct[0]!;
		if (this.byPath.has(t)) return [...this.byPath].find((p) => p === t) ?? null;
		if (this.byPath.has(`${t}.md`)) return `${t}.md`;
		for (const [, list] of this.byName) for (const p of list) if (p.toLowerCase().endsWith(`/${t}.md`) || p.toLowerCase().endsWith(`/${t}`)) return p;
		return null;
	}
}

export async function runDoctor(files: readonly DoctorFile[], ports: DoctorPorts): Promise<DoctorReport> {
	const issues: Issue[] = [];
	const report = (path: string, line: number | null, rule: string, message: string): void => {
		issues.push({ path, line, rule, message });
	};
	const resolver = new LinkResolver(files.map((f) => f.path));
	const pathCase = new Map(files.map((f) => [f.path.toLowerCase(), f.path]));
	const summary: DoctorSummary = { files: files.length, notes: 0, byType: {}, words: 0, diagrams: 0, links: 0, errors: 0 };

	// File names.
	for (const f of files) {
		for (const segment of f.path.split("/")) {
			const problem = fileNameProblem(segment.replace(/\.(md|base|canvas)$/, ""));
			if (problem) report(f.path, null, "file-name", `"${segment}": ${problem}`);
		}
	}

	// Parse notes.
	const notes: ParsedNote[] = [];
	for (const f of files.filter((x) => x.path.endsWith(".md"))) {
		summary.notes++;
		const split = splitFrontmatter(f.text);
		let fm: Frontmatter | null = null;
		if (split.yaml === null) {
			if (f.text.startsWith("---")) report(f.path, 1, "frontmatter", "The frontmatter has no closing --- line.");
			else report(f.path, 1, "frontmatter", "The note has no frontmatter (properties); every note needs at least a \"type\".");
		} else {
			const parsed = ports.parseYaml(split.yaml);
			if ("error" in parsed) {
				report(f.path, parsed.line === null ? 1 : parsed.line + 2, "frontmatter", `The properties are not valid YAML: ${parsed.error}`);
			} else if (typeof parsed.value !== "object" || parsed.value === null || Array.isArray(parsed.value)) {
				report(f.path, 2, "frontmatter", "The properties must be key: value pairs.");
			} else {
				fm = parsed.value as Frontmatter;
				for (const p of validateProperties(fm)) report(f.path, propertyLine(split.yaml, p.property), "properties", p.message);
			}
		}
		const type = noteTypeOf(fm);
		summary.byType[type ?? "unknown"] = (summary.byType[type ?? "unknown"] ?? 0) + 1;
		notes.push({
			path: f.path, name: noteName(f.path), text: f.text, yamlText: split.yaml, fm, type,
			body: split.body, bodyStart: split.bodyStartLine,
			headings: new Set(headings(split.body).map((h) => headingKey(h.text))),
		});
	}
	const byPath = new Map(notes.map((n) => [n.path, n]));

	// Names are unique, and no alias repeats another note's name (links and search would become ambiguous).
	const byName = new Map<string, ParsedNote>();
	for (const n of notes) {
		const key = n.name.toLowerCase();
		const other = byName.get(key);
		if (other) report(n.path, null, "duplicate-name", `Another note has the same name: "${other.path}". Wikilinks by name would be ambiguous.`);
		else byName.set(key, n);
	}
	for (const n of notes) {
		const aliases = Array.isArray(n.fm?.aliases) ? n.fm.aliases : [];
		for (const a of aliases) {
			if (typeof a !== "string") continue;
			const other = byName.get(a.toLowerCase());
			if (other && other !== n) report(n.path, propertyLine(n.yamlText, "aliases"), "alias", `The alias "${a}" is the name of another note ("${other.path}").`);
		}
	}

	// Per-note content rules and links.
	const incoming = new Map<string, number>();
	const addIncoming = (from: string, to: string): void => {
		if (from !== to) incoming.set(to, (incoming.get(to) ?? 0) + 1);
	};
	const checkLink = (from: string, line: number, inner: string): string | null => {
		const link = parseLinkText(inner);
		if (link.target === "") return from; // same-note heading link
		summary.links++;
		const to = resolver.resolve(link.target);
		if (!to) {
			report(from, line, "broken-link", `[[${inner}]] points at "${link.target}", which does not exist.`);
			return null;
		}
		const real = pathCase.get(to.toLowerCase()) ?? to;
		const target = byPath.get(real);
		if (link.heading && target && !target.headings.has(headingKey(link.heading))) {
			report(from, line, "broken-heading-link", `[[${inner}]]: "${target.name}" has no heading "${link.heading}".`);
		}
		addIncoming(from, real);
		return real;
	};

	for (const n of notes) {
		const words = countWords(n.body);
		summary.words += words;
		const linkTargets = new Set<string>();
		for (const l of wikilinks(n.body, n.bodyStart)) {
			const inner = `${l.target}${l.heading ? `#${l.heading}` : ""}${l.block ? `#^${l.block}` : ""}${l.alias !== null ? `|${l.alias}` : ""}`;
			if (l.target === "" && l.heading && !n.headings.has(headingKey(l.heading))) {
				report(n.path, l.line, "broken-heading-link", `[[${inner}]]: this note has no heading "${l.heading}".`);
			}
			const to = checkLink(n.path, l.line, inner);
			if (to && to !== n.path) linkTargets.add(to);
		}
		// Links inside properties (e.g. concepts: ["[[Feature store]]"]).
		if (n.fm && n.yamlText !== null) {
			for (const [key, value] of Object.entries(n.fm)) {
				const values = Array.isArray(value) ? value : [value];
				for (const v of values) {
					if (typeof v !== "string" || !v.includes("[[")) continue;
					const m = /\[\[([^\]]+)\]\]/.exec(v);
					if (m) {
						const to = checkLink(n.path, propertyLine(n.yamlText, key), m[1]!);
						if (to && to !== n.path) linkTargets.add(to);
					}
				}
			}
		}

		const blocks = codeBlocks(n.body, n.bodyStart);
		for (const b of blocks.filter((x) => x.lang === "mermaid")) {
			summary.diagrams++;
			if (ports.checkDiagram) {
				const err = await ports.checkDiagram(b.code);
				if (err) {
					const at = /on line (\d+)/.exec(err);
					const detail = err.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !/^-*\^$/.test(l)).slice(0, 3).join(" | ");
					report(n.path, at ? b.line + Number(at[1]) : b.line, "diagram", `The Mermaid diagram does not parse: ${detail}`);
				}
			}
		}

		if (!n.type || n.type === "template") continue;
		for (const section of REQUIRED_SECTIONS[n.type] ?? []) {
			if (!n.headings.has(headingKey(section))) report(n.path, n.bodyStart, "section", `Missing the "## ${section}" section.`);
		}
		const min = MIN_WORDS[n.type];
		if (min && words < min) report(n.path, n.bodyStart, "length", `${words} words; a ${n.type} note needs at least ${min}.`);

		if (n.type === "framework-step" || n.type === "case-study" || n.type === "checklist") {
			const items = checklistItems(sectionText(n.body, "Checklist") ?? "");
			const [lo, hi] = n.type === "framework-step" ? [8, 15] : n.type === "case-study" ? [5, 20] : [1, 100];
			if (items.length < lo || items.length > hi) report(n.path, n.bodyStart, "checklist", `The checklist has ${items.length} "- [ ]" items; expected ${lo} to ${hi}.`);
		}
		if (n.type === "twist") {
			const answer = countWords(sectionText(n.body, "Model answer") ?? "");
			if (answer < TWIST_ANSWER_WORDS) report(n.path, n.bodyStart, "length", `The model answer has ${answer} words; a twist's model answer needs at least ${TWIST_ANSWER_WORDS}.`);
			if (countWords((n.body.split(/^##\s/m)[0] ?? "").replace(/^#\s.*$/m, "")) === 0) report(n.path, n.bodyStart, "section", "Say the twist as the interviewer would, before the first section.");
		}
		if (n.type === "concept") {
			const cards = flashcards(sectionText(n.body, "Flashcards") ?? "");
			if (cards.length < 3) report(n.path, n.bodyStart, "flashcards", `${cards.length} flashcards; a concept needs at least 3 "Question::Answer" lines.`);
			if (linkTargets.size < 2) report(n.path, n.bodyStart, "links", `Links to ${linkTargets.size} other notes; a concept links to at least 2.`);
		}
		if (n.type === "case-study" && n.fm) {
			const prompts = Array.isArray(n.fm.prompts) ? n.fm.prompts.length : 0;
			if (prompts < 3) report(n.path, propertyLine(n.yamlText, "prompts"), "prompts", `${prompts} prompts; a case study lists at least 3 ways an interviewer phrases it.`);
			const conceptLinks = [...linkTargets].filter((p) => byPath.get(p)?.type === "concept").length;
			if (conceptLinks < 8) report(n.path, n.bodyStart, "links", `Links to ${conceptLinks} concept notes; a case study links to at least 8.`);
			if (!blocks.some((b) => b.lang === "mermaid")) report(n.path, n.bodyStart, "diagram", "A case study needs at least one Mermaid diagram.");
			const concepts = Array.isArray(n.fm.concepts) ? n.fm.concepts : [];
			for (const c of concepts) if (typeof c === "string" && !c.includes("[[")) report(n.path, propertyLine(n.yamlText, "concepts"), "properties", `"concepts" entry "${c}" should be a quoted wikilink such as "[[${linkTargetOf(c)}]]".`);
		}
	}

	// No paragraph of prose is repeated across notes (each note says things its own way).
	const seenParagraphs = new Map<string, string>();
	for (const n of notes) {
		if (n.type === "template") continue;
		for (const para of proseParagraphs(n.body)) {
			const first = seenParagraphs.get(para);
			if (first === undefined) seenParagraphs.set(para, n.path);
			else if (first !== n.path) report(n.path, null, "duplicate-paragraph", `A paragraph repeats one in "${first}": "${para.slice(0, 60)}..."`);
		}
	}

	// Framework: steps 1..7, each once, minutes summing to 45.
	const steps = notes.filter((n) => n.type === "framework-step" && n.fm);
	if (steps.length > 0) {
		const seen = new Map<number, string>();
		let minutes = 0;
		for (const s of steps) {
			const step = s.fm!.step as number;
			if (seen.has(step)) report(s.path, propertyLine(s.yamlText, "step"), "framework", `Step ${step} is also "${seen.get(step)}".`);
			seen.set(step, s.name);
			minutes += typeof s.fm!.minutes === "number" ? s.fm!.minutes : 0;
		}
		if (steps.length === 7 && minutes !== 45) report(steps[0]!.path, null, "framework", `The seven steps budget ${minutes} minutes; they must sum to 45.`);
	}

	// Bases and canvases.
	for (const f of files) {
		if (f.path.endsWith(".base")) checkBase(f, ports, report);
		if (f.path.endsWith(".canvas")) {
			for (const inner of checkCanvas(f, report)) checkLink(f.path, 1, inner);
		}
	}

	// Orphans: every note but templates has a link from another file.
	for (const n of notes) {
		if (n.type === "template") continue;
		if (!incoming.get(n.path)) report(n.path, null, "orphan", `No other note links to "${n.name}".`);
	}

	issues.sort((a, b) => (a.path === b.path ? (a.line ?? 0) - (b.line ?? 0) : a.path < b.path ? -1 : 1));
	summary.errors = issues.length;
	return { summary, issues };
}

type Reporter = (path: string, line: number | null, rule: string, message: string) => void;

/** Paragraphs of at least 25 words outside code, normalised for comparison. */
export function proseParagraphs(body: string): string[] {
	return body
		.replace(/^(`{3,}|~{3,})[\s\S]*?^\1/gm, "")
		.split(/\n\s*\n/)
		.map((p) => p.replace(/\s+/g, " ").trim().toLowerCase())
		.filter((p) => p.split(" ").length >= 25);
}

function checkBase(f: DoctorFile, ports: DoctorPorts, report: Reporter): void {
	const parsed = ports.parseYaml(f.text);
	if ("error" in parsed) {
		report(f.path, parsed.line === null ? 1 : parsed.line + 1, "base", `Not valid YAML: ${parsed.error}`);
		return;
	}
	const v = parsed.value as Record<string, unknown> | null;
	if (typeof v !== "object" || v === null || !Array.isArray(v.views) || v.views.length === 0) {
		report(f.path, 1, "base", "A base needs a \"views\" list with at least one view.");
		return;
	}
	for (const key of Object.keys(v)) {
		if (!["filters", "formulas", "properties", "views", "summaries"].includes(key)) report(f.path, 1, "base", `Unknown top-level key "${key}".`);
	}
	(v.views as unknown[]).forEach((view, i) => {
		const w = view as Record<string, unknown>;
		if (typeof w !== "object" || w === null || typeof w.type !== "string" || typeof w.name !== "string") {
			report(f.path, 1, "base", `View ${i + 1} needs a "type" and a "name".`);
		} else if (!["table", "cards", "list", "map"].includes(w.type)) {
			report(f.path, 1, "base", `View "${w.name}" has unknown type "${w.type}".`);
		}
	});
}

/** Validates JSON Canvas structure; returns the wikilinks inside text nodes and the file nodes' targets. */
function checkCanvas(f: DoctorFile, report: Reporter): string[] {
	let doc: unknown;
	try {
		doc = JSON.parse(f.text);
	} catch (e) {
		report(f.path, 1, "canvas", `Not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
		return [];
	}
	const d = doc as { nodes?: unknown; edges?: unknown };
	if (!Array.isArray(d.nodes)) {
		report(f.path, 1, "canvas", "A canvas needs a \"nodes\" list.");
		return [];
	}
	const ids = new Set<string>();
	const links: string[] = [];
	for (const raw of d.nodes as Record<string, unknown>[]) {
		const ok = typeof raw.id === "string" && ["text", "file", "link", "group"].includes(raw.type as string)
			&& ["x", "y", "width", "height"].every((k) => typeof raw[k] === "number");
		if (!ok) {
			report(f.path, 1, "canvas", `Node ${JSON.stringify(raw.id)} needs an id, a type (text, file, link, group) and x, y, width, height.`);
			continue;
		}
		ids.add(raw.id as string);
		if (raw.type === "text" && typeof raw.text === "string") for (const l of wikilinks(raw.text)) links.push(`${l.target}${l.heading ? `#${l.heading}` : ""}`);
		if (raw.type === "file" && typeof raw.file === "string") links.push(raw.file);
	}
	for (const e of (Array.isArray(d.edges) ? d.edges : []) as Record<string, unknown>[]) {
		if (typeof e.id !== "string" || !ids.has(e.fromNode as string) || !ids.has(e.toNode as string)) {
			report(f.path, 1, "canvas", `Edge ${JSON.stringify(e.id)} must join two existing nodes.`);
		}
	}
	return links;
}

export function formatIssue(i: Issue): string {
	return `${i.path}${i.line ? `:${i.line}` : ""}: [${i.rule}] ${i.message}`;
}
