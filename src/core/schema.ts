/**
 * The note schema from the content contract, as code: which properties each
 * note type needs and what values they may take. Used by the catalog (to skip
 * broken personal notes) and by the doctor (to report them).
 */
import { sessionProblems } from "./session";
import { DIFFICULTIES, DOMAINS, NOTE_TYPES, type Frontmatter, type NoteType } from "./types";

export interface PropertyProblem {
	property: string;
	message: string;
}

export { PRACTICE_RATINGS, type PracticeRating } from "./session";


/** The tag prefix that makes a note ours. */
export const TAG_PREFIX = "mlsd/";
/** Older tag names that mean a kind: the shipped framework notes carry `mlsd/step`. */
const KIND_ALIASES: ReadonlyMap<string, NoteType> = new Map([["step", "framework-step"]]);
/** What separates tags in a text property ("a, b c"). */
const SEPARATOR = /[,\s]/;

/** A tag as Obsidian compares them: without "#", trimmed, lower-case. */
export function normalizeTag(tag: string): string {
	const t = tag.trim();
	return (t.charCodeAt(0) === 35 ? t.replace(/^#+/, "") : t).toLowerCase();
}

/** Adds a tag text's tags (one tag, or several separated by commas or spaces) to a list, normalised, each once. */
function addTags(out: string[], raw: unknown): void {
	if (typeof raw !== "string") return;
	if (!SEPARATOR.test(raw)) {
		const t = normalizeTag(raw);
		if (t !== "" && !out.includes(t)) out.push(t);
		return;
	}
	for (const part of raw.split(/[,\s]+/)) {
		const t = normalizeTag(part);
		if (t !== "" && !out.includes(t)) out.push(t);
	}
}

/**
 * The tags in a note's properties (`tags` or `tag`, a list or a comma- or
 * space-separated text), plus any tags found in the body, normalised.
 */
export function noteTags(fm: Frontmatter | null | undefined, inline: readonly string[] = []): string[] {
	// A list and includes, not a Set: a note has a handful of tags, and this runs for every record made.
	const out: string[] = [];
	addTagValue(out, fm?.tags);
	addTagValue(out, fm?.tag);
	for (let i = 0; i < inline.length; i++) addTags(out, inline[i]);
	return out;
}

/** addTags over a property value: one text or a list. */
function addTagValue(out: string[], v: unknown): void {
	if (Array.isArray(v)) for (let i = 0; i < v.length; i++) addTags(out, v[i]);
	else addTags(out, v);
}

/**
 * A quick test that a note may carry one of our tags, so the many notes of a
 * large vault that do not are passed over without parsing their tags.
 */
export function mentionsOurTags(fm: Frontmatter | null | undefined, inline: readonly string[] = []): boolean {
	const has = (v: unknown): boolean => typeof v === "string" && v.length >= 5 && /mlsd\//i.test(v);
	for (const key of ["tags", "tag"]) {
		const v = fm?.[key];
		if (Array.isArray(v) ? v.some(has) : has(v)) return true;
	}
	return inline.some(has);
}

/** Every kind a note's tags claim: `mlsd/<kind>` or a nested `mlsd/<kind>/...`. */
export function kindsOf(tags: readonly string[]): NoteType[] {
	const out: NoteType[] = [];
	for (const t of tags) {
		if (!t.startsWith(TAG_PREFIX)) continue;
		const head = t.slice(TAG_PREFIX.length).split("/")[0]!;
		const kind = KIND_ALIASES.get(head) ?? ((NOTE_TYPES as readonly string[]).includes(head) ? (head as NoteType) : null);
		if (kind && !out.includes(kind)) out.push(kind);
	}
	return out;
}

/**
 * The kind of a note, from its tags alone; null when it is not one of ours.
 * A template (`mlsd/template`) wins over the kind it is a template for; with
 * two other kinds, the first in NOTE_TYPES order wins (and doctor says so).
 */
export function noteKind(tags: readonly string[]): NoteType | null {
	const kinds = kindsOf(tags);
	if (kinds.includes("template")) return "template";
	return NOTE_TYPES.find((k) => kinds.includes(k)) ?? null;
}

// ---- The fast path: a note's kind from its tags without building its tag list.
// Most notes of a large vault carry no `mlsd/` tag at all, and ours almost always carry
// `mlsd/<kind>` (or `mlsd/<kind>/...`) as written; those are told apart here with a
// lookup per tag and no allocation. Anything unusual (upper case, "a, b" text, "##")
// is left to noteTags + noteKind, so both paths agree by construction; a property
// test (tests/core/fastKind.test.ts) checks it.

/** Answer of the fast path when only the full parse (noteTags + noteKind) can tell. */
export const ASK_FULL_PARSE = -1;
/** Bit i stands for NOTE_TYPES[i]. */
const KIND_BIT: ReadonlyMap<string, number> = new Map([
	...NOTE_TYPES.map((k, i): [string, number] => [k, 1 << i]),
	...[...KIND_ALIASES].map(([alias, k]): [string, number] => [alias, 1 << NOTE_TYPES.indexOf(k)]),
]);
/** `mlsd/<kind>` and `#mlsd/<kind>` (as the metadata cache lists body tags), exactly as written. */
const EXACT_KIND_TAG: ReadonlyMap<string, number> = new Map([...KIND_BIT].flatMap(([head, bit]): [string, number][] => [[`${TAG_PREFIX}${head}`, bit], [`#${TAG_PREFIX}${head}`, bit]]));
const TEMPLATE_BIT = 1 << NOTE_TYPES.indexOf("template");

/** True when the text holds "mlsd/" in any case: the same test as /mlsd\//i, without a regular expression. */
export function mentionsPrefix(s: string): boolean {
	for (let j = s.indexOf("/", 4); j >= 0; j = s.indexOf("/", j + 1)) {
		if ((s.charCodeAt(j - 4) | 32) === 109 && (s.charCodeAt(j - 3) | 32) === 108 && (s.charCodeAt(j - 2) | 32) === 115 && (s.charCodeAt(j - 1) | 32) === 100) return true;
	}
	return false;
}

/**
 * The kinds one tag text claims, as bits (see KIND_BIT): 0 for none, or
 * ASK_FULL_PARSE when the text needs the full parse (case, separators, "##").
 */
export function kindBitsOfTag(s: string): number {
	const exact = EXACT_KIND_TAG.get(s);
	if (exact !== undefined) return exact;
	if (!mentionsPrefix(s)) return 0;
	const at = s.charCodeAt(0) === 35 ? 1 : 0; // one "#", as body tags come
	if (!s.startsWith(TAG_PREFIX, at) || SEPARATOR.test(s)) return ASK_FULL_PARSE;
	// `mlsd/<head>/...`: the same head kindsOf reads, after the same lower-casing.
	const from = at + TAG_PREFIX.length;
	const end = s.indexOf("/", from);
	return KIND_BIT.get(s.slice(from, end < 0 ? s.length : end).toLowerCase()) ?? 0;
}

/** kindBitsOfTag over a property value: one text or a list (other values hold no tags). */
function kindBitsOfValue(v: unknown): number {
	if (typeof v === "string") return kindBitsOfTag(v);
	if (!Array.isArray(v)) return 0;
	let bits = 0;
	for (let i = 0; i < v.length; i++) {
		const x: unknown = v[i];
		if (typeof x !== "string") continue;
		const b = kindBitsOfTag(x);
		if (b === ASK_FULL_PARSE) return b;
		bits |= b;
	}
	return bits;
}

/** A note's tag sources as Obsidian's metadata cache holds them: properties, and body tags with their "#". */
export interface TaggedNote {
	frontmatter?: Frontmatter | null;
	tags?: readonly { tag: string }[] | null;
}

/** The property that marks a saved copy of an older version ("<name> (my version)"): such a note does not take part twice. */
export const COPY_OF = "copy-of";
/** Whether one property makes its note a saved copy: the one rule behind isSavedCopy and SAVED_COPY_BIT. */
const marksSavedCopy = (key: string, value: unknown): boolean => key === COPY_OF && value !== undefined;

/** Whether a note's properties mark it a saved copy; the key is found by a walk over the keys (see kindBitsOf for why). */
export function isSavedCopy(fm: unknown): boolean {
	if (!fm || typeof fm !== "object" || Array.isArray(fm)) return false;
	for (const key in fm) if (marksSavedCopy(key, (fm as Frontmatter)[key])) return true;
	return false;
}

/** Set in kindBitsOf's answer when the properties mark a saved copy (isSavedCopy). */
export const SAVED_COPY_BIT = 1 << 30;

/**
 * The kinds a note's tags claim, as bits (noteKindOfBits turns them into its
 * kind), plus SAVED_COPY_BIT when its properties hold `copy-of`; or
 * ASK_FULL_PARSE. The properties count only when they are a mapping.
 */
export function kindBitsOf(note: TaggedNote | null | undefined): number {
	if (!note) return 0;
	let bits = 0;
	const fm = note.frontmatter;
	if (fm && typeof fm === "object" && !Array.isArray(fm)) {
		// One walk over the keys instead of fm.tags, fm.tag and fm["copy-of"]: in a vault, properties
		// come in thousands of shapes, and looking up a key an object lacks is then a slow lookup each
		// time (about 0.5 µs a note, measured), where a walk over a handful of keys is not.
		for (const key in fm) {
			if (key === "tags" || key === "tag") {
				const b = kindBitsOfValue(fm[key]);
				if (b === ASK_FULL_PARSE) return b;
				bits |= b;
			} else if (marksSavedCopy(key, fm[key])) bits |= SAVED_COPY_BIT;
		}
	}
	const inline = note.tags;
	if (inline) {
		for (let i = 0; i < inline.length; i++) {
			const t = inline[i]!.tag;
			if (typeof t !== "string") continue;
			const b = kindBitsOfTag(t);
			if (b === ASK_FULL_PARSE) return b;
			bits |= b;
		}
	}
	return bits;
}

/** The kind that kind bits name (SAVED_COPY_BIT aside), by noteKind's rule: a template wins, then the first in NOTE_TYPES order. */
export function noteKindOfBits(bits: number): NoteType | null {
	const kinds = bits & ~SAVED_COPY_BIT;
	if (bits < 0 || kinds === 0) return null;
	if (kinds & TEMPLATE_BIT) return "template";
	return NOTE_TYPES[31 - Math.clz32(kinds & -kinds)]!;
}

/** The tags in the body, as texts, from a note's cached metadata. */
export function inlineTagsOf(note: TaggedNote | null | undefined): string[] {
	const inline = note?.tags;
	if (!inline || inline.length === 0) return [];
	const out: string[] = [];
	for (let i = 0; i < inline.length; i++) out.push(inline[i]!.tag);
	return out;
}

/** The kind of a note from its cached metadata: the fast path, else the full parse. */
export function kindOfNote(note: TaggedNote | null | undefined): NoteType | null {
	const bits = kindBitsOf(note);
	return bits === ASK_FULL_PARSE ? noteTypeOf(note?.frontmatter ?? null, inlineTagsOf(note)) : noteKindOfBits(bits);
}

/** The kind of a note from its properties' tags; a `type:` property is never read. */
export function noteTypeOf(fm: Frontmatter | null, inline: readonly string[] = []): NoteType | null {
	return noteKind(noteTags(fm, inline));
}

/** The tag that makes a note of this kind ours. */
export function kindTag(kind: NoteType): string {
	return `${TAG_PREFIX}${kind}`;
}

/**
 * A 0.1-style note: `type:` names one of our kinds, but no `mlsd/` kind tag.
 * Such a note no longer takes part; the plugin offers once to add the tag.
 */
export function legacyKindOf(fm: Frontmatter | null | undefined, inline: readonly string[] = []): NoteType | null {
	const t = fm?.type;
	if (typeof t !== "string") return null;
	const kind = t.trim().toLowerCase();
	if (!(NOTE_TYPES as readonly string[]).includes(kind)) return null;
	return noteTypeOf(fm ?? null, inline) === null ? (kind as NoteType) : null;
}

/** Property values are read case-insensitively: `Medium`, `RecSys`, ` Search `. Spaces become hyphens. */
export function normalizeValue(v: string): string {
	const t = v.trim().toLowerCase();
	return SPACE.test(t) ? t.replace(/\s+/g, "-") : t;
}
const SPACE = /\s/;

/** A text value, or a list of them, as a list (Properties may hold one value where a list is expected). */
export function textList(v: unknown): string[] {
	if (typeof v === "string") return v.trim() === "" ? [] : [v];
	if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
	return [];
}

/** A whole number, also from a text such as "3" (Properties may store numbers as text). */
export function wholeNumber(v: unknown): number | null {
	const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
	return Number.isInteger(n) ? n : null;
}

/** A positive number, also from a text such as "7.5". */
export function positiveNumber(v: unknown): number | null {
	const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
	return Number.isFinite(n) && n > 0 ? n : null;
}

/** The difficulty, read case-insensitively; null when it is not one of easy, medium, hard. */
export function difficultyOf(v: unknown): (typeof DIFFICULTIES)[number] | null {
	if (typeof v !== "string") return null;
	const d = normalizeValue(v);
	return (DIFFICULTIES as readonly string[]).includes(d) ? (d as (typeof DIFFICULTIES)[number]) : null;
}

/** The domain: any short text, read case-insensitively (the shipped ones are only suggestions). */
export function domainOf(v: unknown): string | null {
	if (typeof v !== "string") return null;
	const d = normalizeValue(v);
	return d === "" ? null : d;
}

const stepProblem = (fm: Frontmatter, why: string, out: PropertyProblem[]): void => {
	const step = wholeNumber(fm.step);
	if (step === null || step < 1 || step > 7) out.push({ property: "step", message: `"step" is ${JSON.stringify(fm.step ?? null)}; it must be a whole number from 1 to 7${why}` });
};

/**
 * Problems that stop a command from using a note; an empty list means the
 * note can take part. Only what a command needs is checked here: the content
 * standard (lengths, sections, known categories) is the doctor's, for shipped
 * notes. `kind` defaults to the kind the note's tags give.
 */
export function validateProperties(fm: Frontmatter, kind: NoteType | null = noteTypeOf(fm)): PropertyProblem[] {
	const out: PropertyProblem[] = [];
	if (kind === null) {
		out.push({ property: "tags", message: `no "${TAG_PREFIX}<kind>" tag (one of: ${NOTE_TYPES.map(kindTag).join(", ")})` });
		return out;
	}
	switch (kind) {
		case "framework-step":
			stepProblem(fm, "", out);
			if (positiveNumber(fm.minutes) === null || positiveNumber(fm.minutes)! > 180) out.push({ property: "minutes", message: `"minutes" is ${JSON.stringify(fm.minutes ?? null)}; it must be the step's budget in minutes (a number above 0)` });
			break;
		case "case-study":
			if (domainOf(fm.domain) === null) out.push({ property: "domain", message: `"domain" is ${JSON.stringify(fm.domain ?? null)}; it must be a short name such as ${DOMAINS.slice(0, 3).join(", ")} or one of your own` });
			if (difficultyOf(fm.difficulty) === null) out.push({ property: "difficulty", message: `"difficulty" is ${JSON.stringify(fm.difficulty ?? null)}; expected one of: ${DIFFICULTIES.join(", ")}` });
			if (textList(fm.prompts).filter((p) => p.trim() !== "").length === 0) out.push({ property: "prompts", message: `"prompts" must be a list with at least one phrasing of the question` });
			break;
		case "checklist":
			stepProblem(fm, " (the framework step these items belong to)", out);
			break;
		case "practice":
			if (typeof fm.case !== "string" || fm.case.trim() === "") out.push({ property: "case", message: `"case" must link the case study practised` });
			out.push(...sessionProblems(fm));
			break;
		case "twist":
			if (!isFits(fm.fits)) out.push({ property: "fits", message: `"fits" must list the domains this twist fits (such as [recsys, ads]), or be "any"` });
			break;
		case "concept":
		case "moc":
		case "template":
			break;
	}
	return out;
}

/** `fits: any`, or a non-empty list of domain names (any string: a user's own domains are welcome). */
function isFits(v: unknown): boolean {
	if (typeof v === "string") return v.trim() !== "";
	return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string" && x.trim() !== "");
}

/** `"[[Name]]"`, `[[Name|x]]` or `Name` → `Name`. */
export function linkTargetOf(value: string): string {
	if (!value.includes("[[")) return value.trim();
	const m = /^\s*!?\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]\s*$/.exec(value);
	return (m ? m[1]! : value).trim();
}
