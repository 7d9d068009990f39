/**
 * The design checklist, assembled from notes: each framework step's
 * `## Checklist` in step order, with the user's own checklist notes for that
 * step under it, then the chosen case's own checklist.
 */
import type { CaseRecord, Catalog } from "./catalog";
import { checklistItems, listItems, sectionText, splitFrontmatter } from "./markdown";

export interface ChecklistSource {
	/** Note name, used for links. */
	name: string;
	/** Full note text (frontmatter allowed). */
	text: string;
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

/** The `- [ ]` items under a note's `## Checklist` heading (ticked items count too: they are the template). */
export function noteChecklist(text: string): string[] {
	const body = splitFrontmatter(text).body;
	return checklistItems(sectionText(body, "Checklist") ?? "").map((i) => i.text);
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
			for (const text of noteChecklist(extra.text)) items.push({ text, from: extra.name });
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
export async function checklistFromCatalog(catalog: Catalog, chosen: CaseRecord | null, read: (path: string) => Promise<string> | string): Promise<ChecklistSection[]> {
	const steps: StepSource[] = [];
	const extras: ChecklistInput["extras"] = [];
	for (const s of catalog.steps()) {
		steps.push({ name: s.name, step: s.step, minutes: s.minutes, text: await read(s.path) });
		for (const c of catalog.checklistNotes(s.step)) extras.push({ name: c.name, step: c.step, text: await read(c.path) });
	}
	const caseNote = chosen ? { name: chosen.name, text: await read(chosen.path) } : null;
	return buildChecklist({ steps, extras, caseNote });
}

/** The note users edit to change the twists a prompt can add. */
export const TWISTS_NOTE = "Constraints and twists";

/** The `- ` items under a note's `## Twists` heading. */
export function twistsIn(text: string): string[] {
	return listItems(sectionText(splitFrontmatter(text).body, "Twists") ?? "");
}
