/**
 * The catalog: every note that takes part (shipped or personal), indexed by
 * kind, kept current incrementally. Built from note records, so the same code
 * serves Obsidian (metadataCache) and the CLI (gray-matter). A note takes part
 * only with an `mlsd/<kind>` tag; a `type:` property alone is never read.
 */
import { noteName } from "./paths";
import { ASK_FULL_PARSE, difficultyOf, domainOf, inlineTagsOf, isSavedCopy, kindBitsOf, linkTargetOf, mentionsOurTags, noteKind, noteKindOfBits, noteTags, positiveNumber, SAVED_COPY_BIT, textList, validateProperties, wholeNumber, type TaggedNote } from "./schema";
import { sessionDate } from "./session";
import type { Difficulty, Frontmatter, NoteOrigin, NoteType } from "./types";

export interface NoteRecord {
	path: string;
	name: string;
	/** The note's kind, from its `mlsd/<kind>` tag. */
	type: NoteType;
	properties: Frontmatter;
	origin: NoteOrigin;
	/** The note's tags, normalised (lower-case, no "#"). */
	tags: string[];
}

export interface CaseRecord extends NoteRecord {
	type: "case-study";
	/** Lower-case; any domain (the shipped ones are suggestions). The property wins over a `mlsd/domain/...` tag. */
	domain: string;
	difficulty: Difficulty;
	/** Real questions only: a template's placeholders ("Design ...") are dropped. */
	prompts: string[];
	/** How many prompts were dropped as template placeholders (so the UI can say why a case is never drawn). */
	placeholderPrompts: number;
	concepts: string[];
}

export interface StepRecord extends NoteRecord {
	type: "framework-step";
	step: number;
	minutes: number;
}

export interface ChecklistNoteRecord extends NoteRecord {
	type: "checklist";
	step: number;
}

/** A twist note: the constraint an interviewer adds, and the domains it fits (lower case; "any" fits every case). */
export interface TwistRecord extends NoteRecord {
	type: "twist";
	fits: string[];
}

export interface PracticeRecord extends NoteRecord {
	type: "practice";
	caseName: string;
	date: string;
}

/** A note that claims one of our types but breaks the schema: skipped, and named. */
export interface SkippedNote {
	path: string;
	problems: string[];
	/** The type the note claims, when it names one of ours. */
	type?: NoteType | null;
}

export type RecordResult = { record: NoteRecord } | { skipped: SkippedNote } | null;

/** A template's placeholder ("Design ...") is not a question to practise, so it never reaches a draw. */
export function isPlaceholderPrompt(p: string): boolean {
	const t = p.trim();
	return (t.endsWith("...") || t.endsWith("…")) && t.split(/\s+/).length <= 4;
}

/** Normalises whatever a parser returned as properties. */
const asProperties = (frontmatter: Frontmatter | null | undefined): Frontmatter => (frontmatter && typeof frontmatter === "object" && !Array.isArray(frontmatter) ? frontmatter : {});

/**
 * The kind a note takes part as, from its `mlsd/<kind>` tag (in its properties
 * or body), or null when it is not one of ours whatever its "type:" says. The
 * one test toRecord and Catalog.deferred share.
 */
export function recordTypeOf(frontmatter: Frontmatter | null | undefined, inlineTags: readonly string[] = []): NoteType | null {
	const fm = asProperties(frontmatter);
	if (!mentionsOurTags(fm, inlineTags)) return null; // the fast path for most notes of a large vault
	const type = noteKind(noteTags(fm, inlineTags));
	if (!type) return null;
	if (isSavedCopy(fm)) return null;
	return type;
}

/**
 * recordTypeOf for a note's cached metadata (properties and body tags as
 * Obsidian lists them): the same answer, but most notes are told apart with a
 * lookup per tag and no allocation (see kindBitsOf); unusual tags take the full parse.
 */
export function recordTypeOfNote(note: TaggedNote | null | undefined): NoteType | null {
	const bits = kindBitsOf(note);
	if (bits === ASK_FULL_PARSE) return recordTypeOf(note!.frontmatter, inlineTagsOf(note));
	return bits & SAVED_COPY_BIT ? null : noteKindOfBits(bits);
}

/**
 * Turns a note's properties (and the tags in its body, when known) into a
 * record; null when the note is not one of ours.
 */
export function toRecord(path: string, frontmatter: Frontmatter | null | undefined, origin: NoteOrigin, inlineTags: readonly string[] = []): RecordResult {
	const type = recordTypeOf(frontmatter, inlineTags);
	return type ? recordOfKind(path, asProperties(frontmatter), type, origin, inlineTags) : null;
}

/** toRecord for a note whose kind is known (recordTypeOf's answer). */
function recordOfKind(path: string, fm: Frontmatter, type: NoteType, origin: NoteOrigin, inlineTags: readonly string[]): RecordResult {
	if (type === "case-study") return caseRecordOf(path, fm, origin, inlineTags);
	const problems = validateProperties(fm, type);
	if (problems.length > 0) return { skipped: { path, problems: problems.map((p) => p.message), type } };
	const tags = noteTags(fm, inlineTags);
	// Plain object literals, not `{ ...base, ... }`: V8 makes a spread that redefines a key
	// (here "type") through its slow path: about 2 µs a record, once most of a cold build.
	const name = noteName(path);
	switch (type) {
		case "framework-step": {
			const record: StepRecord = { path, name, type, properties: fm, origin, tags, step: wholeNumber(fm.step)!, minutes: positiveNumber(fm.minutes)! };
			return { record };
		}
		case "checklist": {
			const record: ChecklistNoteRecord = { path, name, type, properties: fm, origin, tags, step: wholeNumber(fm.step)! };
			return { record };
		}
		case "practice": {
			const record: PracticeRecord = { path, name, type, properties: fm, origin, tags, caseName: linkTargetOf(fm.case as string), date: sessionDate(fm)! };
			return { record };
		}
		case "twist": {
			const fits = textList(fm.fits).map((f) => f.trim().toLowerCase()).filter((f) => f !== "");
			const record: TwistRecord = { path, name, type, properties: fm, origin, tags, fits };
			return { record };
		}
		default:
			return { record: { path, name, type, properties: fm, origin, tags } };
	}
}

/**
 * A case study's record, its fields read once (a draw makes every case's
 * record, so this is most of a cold build's work after sorting). Whether the
 * note is valid is validateProperties' rule: it runs to word the problems
 * whenever a field the rule checks is missing (a test checks both agree).
 */
function caseRecordOf(path: string, fm: Frontmatter, origin: NoteOrigin, inlineTags: readonly string[]): RecordResult {
	const domain = domainOf(fm.domain);
	const difficulty = difficultyOf(fm.difficulty);
	const prompts: string[] = [];
	let placeholderPrompts = 0;
	const addPrompt = (p: unknown): void => {
		if (typeof p !== "string") return;
		const t = p.trim();
		if (t === "") return;
		if (isPlaceholderPrompt(t)) placeholderPrompts++;
		else prompts.push(t);
	};
	const raw = fm.prompts;
	if (Array.isArray(raw)) for (let i = 0; i < raw.length; i++) addPrompt(raw[i]);
	else addPrompt(raw);
	if (domain === null || difficulty === null || prompts.length + placeholderPrompts === 0) {
		const problems = validateProperties(fm, "case-study");
		if (problems.length > 0) return { skipped: { path, problems: problems.map((p) => p.message), type: "case-study" } };
	}
	const concepts: string[] = [];
	for (const c of textList(fm.concepts)) {
		const target = linkTargetOf(c);
		if (target !== "") concepts.push(target);
	}
	const record: CaseRecord = {
		path, name: noteName(path), type: "case-study", properties: fm, origin, tags: noteTags(fm, inlineTags),
		domain: domain!, difficulty: difficulty!, prompts, placeholderPrompts, concepts,
	};
	return { record };
}

/** Why a case study is never drawn, in words; null when it can be drawn. */
export function undrawableReason(c: CaseRecord): string | null {
	if (c.prompts.length > 0) return null;
	return c.placeholderPrompts > 0
		? `its "prompts" are still the template's placeholders (such as "Design ..."); write at least one real question`
		: `it has no prompts`;
}

/** Notes of one kind, classified but not yet turned into records (see Catalog.deferred): paths and metadata side by side. */
interface PendingNotes {
	paths: string[];
	notes: TaggedNote[];
}

export class Catalog {
	private records = new Map<string, NoteRecord>();
	/**
	 * Notes classified by type whose records are made on first use of that
	 * type: a draw validates case studies and practice notes, never the
	 * thousands of concept notes it does not read.
	 */
	private pending = new Map<NoteType, PendingNotes>();
	/**
	 * Which kind each pending path was sorted into; made on the first lookup by
	 * path (get, set), so the cold build stores no map entry per note.
	 * Once it exists, a pending note counts only while its entry is there.
	 */
	private pendingIndex: Map<string, NoteType> | null = null;
	private originOf: (path: string) => NoteOrigin = () => "personal";
	/** Per-type index, so a draw touches case studies only, however large the vault. */
	private byType = new Map<NoteType, Map<string, NoteRecord>>();
	private skippedNotes = new Map<string, SkippedNote>();
	private sortedCases: { version: number; cases: CaseRecord[] } | null = null;
	/** Bumped on every change, so callers can cache derived views. */
	version = 0;

	static from(results: Iterable<RecordResult>): Catalog {
		const c = new Catalog();
		for (const r of results) c.apply(r);
		return c;
	}

	/**
	 * A catalog whose records are made lazily, per type, on first use: building
	 * it only sorts notes by their type (a property lookup each), which is what
	 * keeps the cold build at 10,000 notes to a few milliseconds. The result is
	 * the same as `from(notes.map(toRecord))`.
	 */
	static deferred(notes: Iterable<{ path: string; frontmatter: Frontmatter | null | undefined; inlineTags?: readonly string[] }>, originOf: (path: string) => NoteOrigin): Catalog {
		const files: { path: string; note: TaggedNote }[] = [];
		for (const { path, frontmatter, inlineTags = [] } of notes) files.push({ path, note: { frontmatter, tags: inlineTags.map((tag) => ({ tag })) } });
		return Catalog.fromMetadata(files, (f) => f.note, originOf);
	}

	/**
	 * Catalog.deferred straight from Obsidian's files and metadata cache (any
	 * objects of that shape): one pass, one metadata lookup per file, and
	 * nothing allocated for a note that is not ours. Paths must be unique.
	 */
	static fromMetadata<F extends { readonly path: string }>(files: readonly F[], noteOf: (file: F) => TaggedNote | null | undefined, originOf: (path: string) => NoteOrigin): Catalog {
		const c = new Catalog();
		c.originOf = originOf;
		// Consecutive notes are mostly of one kind (a folder of concepts, of cases): the bucket is looked up only when the kind changes.
		let lastType: NoteType | null = null;
		let bucket: PendingNotes | undefined;
		for (let i = 0; i < files.length; i++) {
			const file = files[i]!;
			const note = noteOf(file);
			const type = recordTypeOfNote(note);
			if (type === null) continue;
			if (type !== lastType) {
				bucket = c.pending.get(type);
				if (!bucket) c.pending.set(type, (bucket = { paths: [], notes: [] }));
				lastType = type;
			}
			bucket!.paths.push(file.path);
			bucket!.notes.push(note!);
		}
		return c;
	}

	/** Turns a type's pending notes (or every type's) into records. */
	private materialize(type?: NoteType): void {
		for (const t of type ? [type] : [...this.pending.keys()]) {
			const bucket = this.pending.get(t);
			if (!bucket) continue;
			this.pending.delete(t);
			const index = this.pendingIndex;
			const { paths, notes } = bucket;
			for (let i = 0; i < paths.length; i++) {
				const path = paths[i]!;
				if (index) {
					if (index.get(path) !== t) continue; // replaced or removed since the build
					index.delete(path);
				}
				const note = notes[i]!;
				this.apply(recordOfKind(path, asProperties(note.frontmatter), t, this.originOf(path), inlineTagsOf(note)));
			}
		}
		if (this.pending.size === 0) this.pendingIndex = null;
	}

	/** The kind a path waits under, if its record is not made yet. */
	private pendingKind(path: string): NoteType | undefined {
		if (this.pending.size === 0) return undefined;
		if (!this.pendingIndex) {
			const index = (this.pendingIndex = new Map<string, NoteType>());
			for (const [t, { paths }] of this.pending) for (const p of paths) index.set(p, t);
		}
		return this.pendingIndex.get(path);
	}

	/** Adds, replaces or (with null) forgets what is known about a path. */
	set(path: string, result: RecordResult): void {
		if (this.pendingKind(path) !== undefined) this.pendingIndex!.delete(path);
		const old = this.records.get(path);
		if (old) this.byType.get(old.type)?.delete(path);
		this.records.delete(path);
		this.skippedNotes.delete(path);
		this.apply(result);
		this.version++;
	}

	private apply(result: RecordResult): void {
		if (!result) return;
		if ("record" in result) {
			const r = result.record;
			this.records.set(r.path, r);
			let index = this.byType.get(r.type);
			if (!index) this.byType.set(r.type, (index = new Map<string, NoteRecord>()));
			index.set(r.path, r);
		} else this.skippedNotes.set(result.skipped.path, result.skipped);
	}

	remove(path: string): void {
		this.set(path, null);
	}

	get size(): number {
		this.materialize();
		return this.records.size;
	}

	get(path: string): NoteRecord | undefined {
		const type = this.pendingKind(path);
		if (type !== undefined) this.materialize(type);
		return this.records.get(path);
	}

	all(): NoteRecord[] {
		this.materialize();
		return [...this.records.values()];
	}

	/** Notes skipped for broken properties: of the given types, or of every type. */
	skipped(types?: readonly NoteType[]): SkippedNote[] {
		if (types) for (const t of types) this.materialize(t);
		else this.materialize();
		const wanted = types ? new Set<string>(types) : null;
		return [...this.skippedNotes.values()]
			.filter((s) => !wanted || (s.type != null && wanted.has(s.type)))
			.sort((a, b) => (a.path < b.path ? -1 : 1));
	}

	ofType<T extends NoteRecord>(type: NoteType): T[] {
		this.materialize(type);
		return [...(this.byType.get(type)?.values() ?? [])] as T[];
	}

	/** Case studies sorted by name; cached until the catalog changes. */
	cases(): CaseRecord[] {
		if (this.sortedCases?.version !== this.version) {
			const cases = this.ofType<CaseRecord>("case-study").sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
			this.sortedCases = { version: this.version, cases };
		}
		return this.sortedCases.cases;
	}

	/** The steps as a time plan (step, name, minutes), the shape the timer and practice notes use. */
	stepPlan(): { step: number; name: string; minutes: number }[] {
		return this.steps().map((s) => ({ step: s.step, name: s.name, minutes: s.minutes }));
	}

	/** Framework steps in order; when a user has their own note for a step, the shipped one still wins ties by path. */
	steps(): StepRecord[] {
		const byStep = new Map<number, StepRecord>();
		for (const s of this.ofType<StepRecord>("framework-step").sort((a, b) => (a.origin === b.origin ? a.path.localeCompare(b.path) : a.origin === "shipped" ? -1 : 1))) {
			if (!byStep.has(s.step)) byStep.set(s.step, s);
		}
		return [...byStep.values()].sort((a, b) => a.step - b.step);
	}

	checklistNotes(step: number): ChecklistNoteRecord[] {
		return this.ofType<ChecklistNoteRecord>("checklist").filter((c) => c.step === step).sort((a, b) => a.path.localeCompare(b.path));
	}

	/** Case studies that are never drawn, each with the reason (say why, never drop a case silently). */
	undrawable(): { path: string; name: string; reason: string }[] {
		return this.cases().flatMap((c) => {
			const reason = undrawableReason(c);
			return reason ? [{ path: c.path, name: c.name, reason }] : [];
		});
	}

	/** Every domain the case studies use, lower-case and sorted. */
	domains(): string[] {
		return [...new Set(this.cases().map((c) => c.domain))].sort();
	}

	caseByName(name: string): CaseRecord | undefined {
		const want = name.trim().toLowerCase();
		return this.cases().find((c) => c.name.toLowerCase() === want);
	}

	/** Twist notes sorted by name. */
	twists(): TwistRecord[] {
		return this.ofType<TwistRecord>("twist").sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	}

	practice(): PracticeRecord[] {
		return this.ofType<PracticeRecord>("practice");
	}

	/** The most recent practice date per case name (lower-cased, as links match names regardless of case). */
	lastPractised(): Map<string, string> {
		const out = new Map<string, string>();
		for (const p of this.practice()) {
			const key = p.caseName.toLowerCase();
			const prev = out.get(key);
			if (!prev || p.date > prev) out.set(key, p.date);
		}
		return out;
	}
}
