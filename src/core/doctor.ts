/**
 * Vault checks ("mlsd doctor"): the content contract from CONTENT.md as
 * rules over a folder of notes. Pure: YAML parsing and diagram parsing come
 * in through ports, so the same rules run in jest, the CLI and (later) Obsidian.
 *
 * Only our notes are judged (those with an `mlsd/<kind>` tag). On a user's
 * vault, errors are kept for what breaks a command: properties that do not
 * parse, a property a command needs, a broken link inside a shipped note. The
 * content standard (lengths, sections, diagrams, link counts, orphans) applies
 * to shipped notes only: those in the install record, or every note when the
 * folder is the template itself or the check is strict.
 */
import {
	checklistItems, codeBlocks, countWords, flashcards, headings, inlineTags, parseLinkText, sectionText,
	splitFrontmatter, wikilinks,
} from "./markdown";
import { basename, fileNameProblem, noteName } from "./paths";
import { domainOf, kindsOf, legacyKindOf, kindTag, linkTargetOf, noteKind, noteTags, textList, validateProperties } from "./schema";
import { isPlaceholderPrompt } from "./catalog";
import { CATEGORIES, DOMAINS, type Frontmatter, type Issue, type NoteType } from "./types";
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
	/** Our notes (with an `mlsd/<kind>` tag); other notes are not judged. */
	notes: number;
	byType: Record<string, number>;
	words: number;
	diagrams: number;
	links: number;
	errors: number;
	warnings: number;
	/** How many notes the content standard was applied to. */
	shipped: number;
	/** Notes with a 0.1-style `type:` and no tag: they do not take part. */
	untagged: number;
}

export interface DoctorReport {
	summary: DoctorSummary;
	issues: Issue[];
}

export interface DoctorOptions {
	/**
	 * Which files the content standard applies to: "all" (the template folder
	 * itself, or a strict check) or the set of shipped paths (from the install
	 * record). Defaults to "all".
	 */
	standard?: "all" | ReadonlySet<string>;
	/** Every file path under the folder (attachments too), so links to images and PDFs resolve. */
	allPaths?: readonly string[];
}

interface ParsedNote {
	path: string;
	name: string;
	text: string;
	yamlText: string | null;
	fm: Frontmatter | null;
	type: NoteType | null;
	shipped: boolean;
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

const mentionsOurTag = (text: string): boolean => /(^|[\s"'[,#-])mlsd\//im.test(text);

export async function runDoctor(files: readonly DoctorFile[], ports: DoctorPorts, options: DoctorOptions = {}): Promise<DoctorReport> {
	const standard = options.standard ?? "all";
	const isShipped = (path: string): boolean => standard === "all" || standard.has(path);
	const issues: Issue[] = [];
	const report = (path: string, line: number | null, rule: string, message: string, severity: Issue["severity"] = "error"): void => {
		issues.push({ path, line, rule, message, ...(severity === "error" ? {} : { severity }) });
	};
	/** An error in a shipped file; a warning in a note of the user's. */
	const judged = (shipped: boolean): Issue["severity"] => (shipped ? "error" : "warning");
	const allPaths = [...new Set([...(options.allPaths ?? []), ...files.map((f) => f.path)])];
	const resolver = new LinkResolver(allPaths);
	const pathCase = new Map(allPaths.map((p) => [p.toLowerCase(), p]));
	const summary: DoctorSummary = { files: files.length, notes: 0, byType: {}, words: 0, diagrams: 0, links: 0, errors: 0, warnings: 0, shipped: 0, untagged: 0 };

	// Parse notes; decide which are ours.
	const notes: ParsedNote[] = [];
	for (const f of files.filter((x) => x.path.endsWith(".md"))) {
		const split = splitFrontmatter(f.text);
		const shipped = isShipped(f.path);
		let fm: Frontmatter | null = null;
		let yamlProblem: { line: number; message: string } | null = null;
		if (split.yaml === null) {
			if (/^---\r?\n/.test(f.text)) yamlProblem = { line: 1, message: "The frontmatter has no closing --- line." };
		} else {
			const parsed = ports.parseYaml(split.yaml);
			if ("error" in parsed) yamlProblem = { line: parsed.line === null ? 1 : parsed.line + 2, message: `The properties are not valid YAML: ${parsed.error}` };
			else if (parsed.value !== null && (typeof parsed.value !== "object" || Array.isArray(parsed.value))) yamlProblem = { line: 2, message: "The properties must be key: value pairs." };
			else fm = (parsed.value ?? {}) as Frontmatter;
		}
		const body = yamlProblem && split.yaml === null ? f.text : split.body;
		const tags = noteTags(fm, inlineTags(body));
		const type = noteKind(tags);
		if (yamlProblem) {
			// A note whose properties do not parse is ours when it names one of our tags (or ships with the plugin).
			if (shipped || mentionsOurTag(split.yaml ?? f.text.slice(0, 4000))) report(f.path, yamlProblem.line, "frontmatter", yamlProblem.message);
			continue;
		}
		if (!type) {
			const legacy = legacyKindOf(fm, inlineTags(body));
			if (legacy) {
				summary.untagged++;
				report(f.path, propertyLine(split.yaml, "type"), "untagged", `"type: ${legacy}" without a "${kindTag(legacy)}" tag: the note does not take part. Add the tag to include it.`, "info");
			} else if (standard === "all") {
				report(f.path, 1, "tags", `The note has no "mlsd/<kind>" tag, so the plugin does not read it.`);
			} else if (shipped) {
				report(f.path, 1, "tags", `This shipped note has lost its "mlsd/<kind>" tag, so the plugin no longer reads it.`, "warning");
			}
			continue;
		}
		summary.notes++;
		if (shipped) summary.shipped++;
		summary.byType[type] = (summary.byType[type] ?? 0) + 1;
		notes.push({
			path: f.path, name: noteName(f.path), text: f.text, yamlText: split.yaml, fm: fm ?? {}, type, shipped,
			body, bodyStart: split.bodyStartLine,
			headings: new Set(headings(body).map((h) => headingKey(h.text))),
		});
	}
	const byPath = new Map(notes.map((n) => [n.path, n]));

	// What a command needs, for every note of ours.
	for (const n of notes) {
		const fm = n.fm!;
		for (const p of validateProperties(fm, n.type)) report(n.path, propertyLine(n.yamlText, p.property), "properties", p.message);
		const kinds = kindsOf(noteTags(fm)).filter((k) => k !== "template");
		if (n.type !== "template" && kinds.length > 1) report(n.path, propertyLine(n.yamlText, "tags"), "tags", `The tags claim ${kinds.length} kinds (${kinds.map(kindTag).join(", ")}); the note is read as ${n.type}.`, "warning");
		if (n.type === "case-study") {
			const domain = domainOf(fm.domain);
			const domainTags = noteTags(fm).filter((t) => t.startsWith("mlsd/domain/")).map((t) => t.slice("mlsd/domain/".length));
			if (domain && domainTags.length > 0 && !domainTags.includes(domain)) {
				report(n.path, propertyLine(n.yamlText, "tags"), "domain-tag", `"domain: ${domain}" wins over the tag mlsd/domain/${domainTags[0]!}; change the tag to mlsd/domain/${domain} so searches and views agree.`, "warning");
			}
			const prompts = textList(fm.prompts).map((p) => p.trim()).filter((p) => p !== "");
			if (prompts.length > 0 && prompts.every(isPlaceholderPrompt)) {
				report(n.path, propertyLine(n.yamlText, "prompts"), "prompts", `Never drawn: the "prompts" are still the template's placeholders (such as "${prompts[0]!}"). Write at least one real question.`, "warning");
			}
		}
	}

	// Names are unique, and no alias repeats another note's name (links and search would become ambiguous).
	const byName = new Map<string, ParsedNote>();
	for (const n of notes) {
		const key = n.name.toLowerCase();
		const other = byName.get(key);
		if (other) report(n.path, null, "duplicate-name", `Another note has the same name: "${other.path}". Wikilinks by name would be ambiguous.`, n.shipped && other.shipped ? "error" : "warning");
		else byName.set(key, n);
	}
	for (const n of notes.filter((x) => x.shipped)) {
		for (const a of textList(n.fm?.aliases)) {
			const other = byName.get(a.toLowerCase());
			if (other && other !== n) report(n.path, propertyLine(n.yamlText, "aliases"), "alias", `The alias "${a}" is the name of another note ("${other.path}").`);
		}
	}

	// Links: inside our notes; incoming links from every file count against orphans.
	const incoming = new Map<string, number>();
	const addIncoming = (from: string, to: string): void => {
		if (from !== to) incoming.set(to, (incoming.get(to) ?? 0) + 1);
	};
	const checkLink = (from: string, line: number, inner: string, severity: Issue["severity"] | null): string | null => {
		const link = parseLinkText(inner);
		if (link.target === "") return from; // same-note heading link
		summary.links++;
		const to = resolver.resolve(link.target);
		if (!to) {
			if (severity) report(from, line, "broken-link", `[[${inner}]] points at "${link.target}", which does not exist.`, severity);
			return null;
		}
		const real = pathCase.get(to.toLowerCase()) ?? to;
		const target = byPath.get(real);
		if (severity && link.heading && target && !target.headings.has(headingKey(link.heading))) {
			report(from, line, "broken-heading-link", `[[${inner}]]: "${target.name}" has no heading "${link.heading}".`, severity);
		}
		addIncoming(from, real);
		return real;
	};
	// Links from notes that are not ours still keep a shipped note from being an orphan.
	for (const f of files) {
		if (!f.path.endsWith(".md") || byPath.has(f.path)) continue;
		for (const l of wikilinks(splitFrontmatter(f.text).body)) if (l.target !== "") checkLink(f.path, l.line, l.target, null);
	}

	const linkTargetsOf = new Map<string, Set<string>>();
	for (const n of notes) {
		const severity = judged(n.shipped);
		const linkTargets = new Set<string>();
		for (const l of wikilinks(n.body, n.bodyStart)) {
			const inner = `${l.target}${l.heading ? `#${l.heading}` : ""}${l.block ? `#^${l.block}` : ""}${l.alias !== null ? `|${l.alias}` : ""}`;
			if (l.target === "" && l.heading && !n.headings.has(headingKey(l.heading))) {
				report(n.path, l.line, "broken-heading-link", `[[${inner}]]: this note has no heading "${l.heading}".`, severity);
			}
			const to = checkLink(n.path, l.line, inner, severity);
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
						const to = checkLink(n.path, propertyLine(n.yamlText, key), m[1]!, severity);
						if (to && to !== n.path) linkTargets.add(to);
					}
				}
			}
		}
		linkTargetsOf.set(n.path, linkTargets);

		const blocks = codeBlocks(n.body, n.bodyStart);
		for (const b of blocks.filter((x) => x.lang === "mermaid")) {
			summary.diagrams++;
			if (ports.checkDiagram) {
				const err = await ports.checkDiagram(b.code);
				if (err) {
					const at = /on line (\d+)/.exec(err);
					const detail = err.split("\n").map((l) => l.trim()).filter((l) => l !== "" && !/^-*\^$/.test(l)).slice(0, 3).join(" | ");
					report(n.path, at ? b.line + Number(at[1]) : b.line, "diagram", `The Mermaid diagram does not parse: ${detail}`, severity);
				}
			}
		}
		summary.words += countWords(n.body);
	}

	// The content standard: shipped notes only.
	for (const n of notes.filter((x) => x.shipped)) contentStandard(n, byPath, linkTargetsOf.get(n.path) ?? new Set(), report);

	// No paragraph of prose is repeated across shipped notes (each note says things its own way).
	const seenParagraphs = new Map<string, string>();
	for (const n of notes) {
		if (!n.shipped || n.type === "template") continue;
		for (const para of proseParagraphs(n.body)) {
			const first = seenParagraphs.get(para);
			if (first === undefined) seenParagraphs.set(para, n.path);
			else if (first !== n.path) report(n.path, null, "duplicate-paragraph", `A paragraph repeats one in "${first}": "${para.slice(0, 60)}..."`);
		}
	}

	// Framework: the shipped steps are 1..7, each once, minutes summing to 45.
	const steps = notes.filter((n) => n.type === "framework-step" && n.shipped && n.fm);
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

	// Bases and canvases: a shipped file is held to the format; any other one is only reported, never a crash.
	for (const f of files) {
		const shipped = isShipped(f.path);
		const severity: Issue["severity"] = shipped ? "error" : "info";
		if (f.path.endsWith(".base")) checkBase(f, ports, (path, line, rule, message) => report(path, line, rule, message, severity));
		if (f.path.endsWith(".canvas")) {
			for (const inner of checkCanvas(f, (path, line, rule, message) => report(path, line, rule, message, severity))) checkLink(f.path, 1, inner, shipped ? "error" : null);
		}
	}

	// Orphans: every shipped note but templates and practice notes has a link from another file.
	for (const n of notes) {
		if (!n.shipped || n.type === "template" || n.type === "practice") continue;
		if (!incoming.get(n.path)) report(n.path, null, "orphan", `No other note links to "${n.name}".`);
	}

	issues.sort((a, b) => (a.path === b.path ? (a.line ?? 0) - (b.line ?? 0) : a.path < b.path ? -1 : 1));
	summary.errors = issues.filter((i) => (i.severity ?? "error") === "error").length;
	summary.warnings = issues.filter((i) => i.severity === "warning").length;
	return { summary, issues };
}

/** The writing standard of CONTENT.md, for a shipped note. */
function contentStandard(n: ParsedNote, byPath: Map<string, ParsedNote>, linkTargets: Set<string>, report: Reporter): void {
	for (const segment of n.path.split("/")) {
		const problem = fileNameProblem(segment.replace(/\.(md|base|canvas)$/, ""));
		if (problem) report(n.path, null, "file-name", `"${segment}": ${problem}`);
	}
	if (!n.type || n.type === "template" || n.type === "practice") return;
	const fm = n.fm ?? {};
	for (const section of REQUIRED_SECTIONS[n.type] ?? []) {
		if (!n.headings.has(headingKey(section))) report(n.path, n.bodyStart, "section", `Missing the "## ${section}" section.`);
	}
	const words = countWords(n.body);
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
		if (typeof fm.category !== "string" || !(CATEGORIES as readonly string[]).includes(fm.category)) {
			report(n.path, propertyLine(n.yamlText, "category"), "properties", `"category" is ${JSON.stringify(fm.category ?? null)}; a shipped concept uses one of: ${CATEGORIES.join(", ")}`);
		}
		const cards = flashcards(sectionText(n.body, "Flashcards") ?? "");
		if (cards.length < 3) report(n.path, n.bodyStart, "flashcards", `${cards.length} flashcards; a concept needs at least 3 "Question::Answer" lines.`);
		if (linkTargets.size < 2) report(n.path, n.bodyStart, "links", `Links to ${linkTargets.size} other notes; a concept links to at least 2.`);
	}
	if (n.type === "case-study") {
		if (typeof fm.domain !== "string" || !(DOMAINS as readonly string[]).includes(fm.domain)) {
			report(n.path, propertyLine(n.yamlText, "domain"), "properties", `"domain" is ${JSON.stringify(fm.domain ?? null)}; a shipped case uses one of: ${DOMAINS.join(", ")}`);
		}
		const prompts = Array.isArray(fm.prompts) ? fm.prompts.length : 0;
		if (prompts < 3) report(n.path, propertyLine(n.yamlText, "prompts"), "prompts", `${prompts} prompts; a case study lists at least 3 ways an interviewer phrases it.`);
		const conceptLinks = [...linkTargets].filter((p) => byPath.get(p)?.type === "concept").length;
		if (conceptLinks < 8) report(n.path, n.bodyStart, "links", `Links to ${conceptLinks} concept notes; a case study links to at least 8.`);
		if (!codeBlocks(n.body).some((b) => b.lang === "mermaid")) report(n.path, n.bodyStart, "diagram", "A case study needs at least one Mermaid diagram.");
		for (const c of textList(fm.concepts)) if (!c.includes("[[")) report(n.path, propertyLine(n.yamlText, "concepts"), "properties", `"concepts" entry "${c}" should be a quoted wikilink such as "[[${linkTargetOf(c)}]]".`);
	}
}

type Reporter = (path: string, line: number | null, rule: string, message: string, severity?: Issue["severity"]) => void;

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
	if (v.filters !== undefined && !isFilter(v.filters)) report(f.path, 1, "base", "\"filters\" must be a filter text or an and/or/not group of them.");
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
	if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
		report(f.path, 1, "canvas", `A canvas must be a JSON object with a "nodes" list; this one is ${doc === null ? "null" : Array.isArray(doc) ? "a list" : typeof doc}.`);
		return [];
	}
	const d = doc as { nodes?: unknown; edges?: unknown };
	if (!Array.isArray(d.nodes)) {
		report(f.path, 1, "canvas", "A canvas needs a \"nodes\" list.");
		return [];
	}
	const ids = new Set<string>();
	const links: string[] = [];
	for (const node of d.nodes as unknown[]) {
		const raw = (typeof node === "object" && node !== null ? node : {}) as Record<string, unknown>;
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
	for (const edge of (Array.isArray(d.edges) ? d.edges : []) as unknown[]) {
		const e = (typeof edge === "object" && edge !== null ? edge : {}) as Record<string, unknown>;
		if (typeof e.id !== "string" || !ids.has(e.fromNode as string) || !ids.has(e.toNode as string)) {
			report(f.path, 1, "canvas", `Edge ${JSON.stringify(e.id)} must join two existing nodes.`);
		}
	}
	return links;
}

/** A Bases filter: a text, or an object with one of and/or/not holding a list of filters. */
function isFilter(v: unknown, depth = 0): boolean {
	if (typeof v === "string") return true;
	if (depth > 20 || typeof v !== "object" || v === null || Array.isArray(v)) return false;
	const entries = Object.entries(v);
	return entries.length === 1 && ["and", "or", "not"].includes(entries[0]![0]) && Array.isArray(entries[0]![1]) && (entries[0]![1] as unknown[]).every((x) => isFilter(x, depth + 1));
}

export function formatIssue(i: Issue): string {
	const severity = i.severity && i.severity !== "error" ? `${i.severity} ` : "";
	return `${i.path}${i.line ? `:${i.line}` : ""}: ${severity}[${i.rule}] ${i.message}`;
}
