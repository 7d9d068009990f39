/**
 * The design checklist, assembled from notes: each framework step's
 * `## Checklist` in step order, with the user's own checklist notes for that
 * step under it, then the chosen case's own checklist.
 */
import type { CaseRecord, Catalog, SkippedNote } from "./catalog";
import { bodyRange, outlined, plainItemsIn, sectionRange, tasksIn, type NoteInput } from "./outline";

export interface ChecklistSource {
	/** Note name, used for links. */
	name: string;
	/** Full note text (frontmatter allowed), with its outline from Obsidian's metadata cache when the plugin has it. */
	text: NoteInput;
}

export interface StepSource extends ChecklistSource {
	step: number;
	minutes: number;
}

export interface ChecklistInput {
	steps: StepSource[];
	/** User checklist notes, each for one step. */
	extras: (ChecklistSource & { step: number })[];
	caseNote: ChecklistSource | null;
}

export interface ChecklistSection {
	title: string;
	/** Note the section comes from (for a link). */
	source: string;
	minutes: number | null;
	items: { text: string; from: string }[];
}

/**
 * The `- [ ]` items under a note's `## Checklist` heading (ticked items count
 * too: they are the template). With `wholeNote`, a note without that heading
 * contributes every item it has: a checklist note of the user's never adds
 * nothing silently for want of a heading.
 */
export function noteChecklist(note: NoteInput, wholeNote = false): string[] {
	const n = outlined(note);
	const range = sectionRange(n, "Checklist") ?? (wholeNote ? bodyRange(n) : null);
	return range ? tasksIn(n, range).map((t) => t.text) : [];
}

/** Step note names look like "Step 3 - Data preparation"; the title drops the prefix. */
export function stepTitle(name: string): string {
	return name.replace(/^step\s*\d+\s*[-–—:.]\s*/i, "");
}

export function buildChecklist(input: ChecklistInput): ChecklistSection[] {
	const sections: ChecklistSection[] = [];
	for (const s of [...input.steps].sort((a, b) => a.step - b.step)) {
		const items = noteChecklist(s.text).map((text) => ({ text, from: s.name }));
		for (const extra of input.extras.filter((e) => e.step === s.step)) {
			for (const text of noteChecklist(extra.text, true)) items.push({ text, from: extra.name });
		}
		sections.push({ title: `Step ${s.step}: ${stepTitle(s.name)}`, source: s.name, minutes: s.minutes, items });
	}
	if (input.caseNote) {
		const items = noteChecklist(input.caseNote.text).map((text) => ({ text, from: input.caseNote!.name }));
		sections.push({ title: `Specific to ${input.caseNote.name}`, source: input.caseNote.name, minutes: null, items });
	}
	return sections;
}

export interface ChecklistMarkdownOptions {
	/** Top-level heading; null for none (when inserting into a note). */
	heading: string | null;
	/** Heading level for sections (2 = `##`). */
	level: number;
}

export function checklistToMarkdown(sections: ChecklistSection[], opts: ChecklistMarkdownOptions = { heading: null, level: 2 }): string {
	const out: string[] = [];
	if (opts.heading) out.push(`# ${opts.heading}`, "");
	const hashes = "#".repeat(opts.level);
	for (const s of sections) {
		if (s.items.length === 0) continue;
		out.push(`${hashes} ${s.title}${s.minutes !== null ? ` (${s.minutes} min)` : ""}`, "");
		for (const item of s.items) {
			out.push(`- [ ] ${item.text}${item.from !== s.source ? ` *(from [[${item.from}]])*` : ""}`);
		}
		out.push("");
	}
	return out.join("\n").trimEnd() + "\n";
}

/**
 * The checklist for a case (or any problem, with null) from the notes the
 * catalog knows, read through `read` as they are now, so an edit to a step
 * note shows in the next checklist. Shared by the plugin and the CLI.
 */
export async function checklistFromCatalog(
	catalog: Catalog,
	chosen: CaseRecord | null,
	read: (path: string) => Promise<NoteInput> | NoteInput,
	/** Notes that could not be read are named here and left out; the rest of the checklist is built. */
	unreadable: SkippedNote[] = [],
): Promise<ChecklistSection[]> {
	const readSafely = async (path: string): Promise<NoteInput | null> => {
		try {
			return await read(path);
		} catch (e) {
			unreadable.push({ path, problems: [`could not be read: ${e instanceof Error ? e.message : String(e)}`] });
			return null;
		}
	};
	const steps: StepSource[] = [];
	const extras: ChecklistInput["extras"] = [];
	for (const s of catalog.steps()) {
		const text = await readSafely(s.path);
		steps.push({ name: s.name, step: s.step, minutes: s.minutes, text: text ?? "" });
		for (const c of catalog.checklistNotes(s.step)) {
			const extra = await readSafely(c.path);
			if (extra !== null) extras.push({ name: c.name, step: c.step, text: extra });
		}
	}
	const caseText = chosen ? await readSafely(chosen.path) : null;
	const caseNote = chosen ? { name: chosen.name, text: caseText ?? "" } : null;
	return buildChecklist({ steps, extras, caseNote });
}

/** The note users edit to change the twists a prompt can add. */
export const TWISTS_NOTE = "Constraints and twists";

/** The `- ` items under a note's `## Twists` heading. */
export function twistsIn(note: NoteInput): string[] {
	const n = outlined(note);
	const range = sectionRange(n, "Twists");
	return range ? plainItemsIn(n, range) : [];
}
