/**
 * The practice note written by "Start practice": the prompt and twist, a time
 * plan, an answer scaffold per step, the checklist, and the reference case
 * behind a folded callout so nothing is spoiled.
 */
import { checklistToMarkdown, stepTitle, type ChecklistSection } from "./checklist";
import { checklistItems, codeLineMask, sectionText, splitFrontmatter } from "./markdown";
import { toMinutes, type TimerState, type TimerView } from "./mockTimer";
import type { Draw } from "./prompt";
import type { PracticeRating } from "./schema";

export interface PracticeStep {
	step: number;
	name: string;
	minutes: number;
}

export interface PracticeNoteInput {
	draw: Draw;
	date: string;
	steps: PracticeStep[];
	checklist: ChecklistSection[];
	totalMinutes: number;
}

/** Quotes a string for YAML when it needs it. */
export function yamlString(s: string): string {
	return JSON.stringify(s);
}

export function practiceTitle(draw: Draw, date: string): string {
	return `Practice ${date} ${draw.caseName}`;
}

export function practiceNote(input: PracticeNoteInput): string {
	const { draw, date, steps } = input;
	const lines: string[] = [
		"---",
		"type: practice",
		`case: ${yamlString(`[[${draw.caseName}]]`)}`,
		`prompt: ${yamlString(draw.prompt)}`,
		...(draw.twist ? [`twist: ${yamlString(draw.twist)}`] : []),
		`date: ${date}`,
		`minutes: ${input.totalMinutes}`,
		"rating:",
		"due:",
		"tags:",
		"  - mlsd/practice",
		"---",
		"",
		"> [!question] Interview prompt",
		`> ${draw.prompt}`,
		...(draw.twist ? [">", `> **Twist:** ${draw.twist}`] : []),
		"",
		"Answer out loud or in writing before you look at anything else. Keep to the time plan; the checklist at the end is for review.",
		"",
		"## Time plan",
		"",
		"| Step | Minutes | Ends at minute |",
		"| --- | ---: | ---: |",
	];
	let elapsed = 0;
	for (const s of steps) {
		elapsed += s.minutes;
		lines.push(`| ${s.step}. ${stepTitle(s.name)} | ${s.minutes} | ${Math.round(elapsed * 10) / 10} |`);
	}
	lines.push("", "## Your answer", "");
	for (const s of steps) {
		lines.push(`### ${s.step}. ${stepTitle(s.name)} (${s.minutes} min)`, "", "- ", "");
	}
	lines.push("## Checklist", "", "Tick what your answer covered.", "");
	lines.push(checklistToMarkdown(input.checklist, { heading: null, level: 3 }).trimEnd(), "");
	lines.push(
		"## Reference answer",
		"",
		"> [!example]- Reference case study (open only after answering)",
		`> [[${draw.caseName}]]`,
		">",
		`> ![[${draw.caseName}]]`,
		"",
	);
	return lines.join("\n");
}

// ---------------------------------------------------------------- the practice loop

/** One step's outcome in a mock interview, as the self-review records it. */
export interface StepResult {
	step: number;
	name: string;
	/** Budget in minutes. */
	budget: number;
	/** Minutes actually spent (one decimal). */
	minutes: number;
	/** Minutes over budget (one decimal). */
	overrun: number;
	/** Self-review score 1–4, or null when not scored yet. */
	score: number | null;
}

/** A per-step list property: position i holds step i + 1, so every note lines up with the framework. */
function byStepNumber<T>(results: readonly StepResult[], value: (r: StepResult) => T, gap: T): T[] {
	const max = results.reduce((n, r) => Math.max(n, r.step), 0);
	const out: T[] = new Array<T>(max).fill(gap);
	for (const r of results) if (r.step >= 1) out[r.step - 1] = value(r);
	return out;
}

/** `step-minutes` and `step-overrun`, written when a mock interview stops. */
export function timingProperties(results: readonly StepResult[]): { "step-minutes": number[]; "step-overrun": number[] } {
	return {
		"step-minutes": byStepNumber(results, (r) => r.minutes, 0),
		"step-overrun": byStepNumber(results, (r) => r.overrun, 0),
	};
}

/** Everything the self-review writes into the note's properties. */
export function reviewProperties(results: readonly StepResult[], rating: PracticeRating, due: string): Record<string, unknown> {
	return {
		...timingProperties(results),
		"step-scores": byStepNumber<number | null>(results, (r) => r.score, null),
		rating,
		due,
	};
}

const fmt = (n: number): string => (Math.round(n * 10) / 10).toFixed(1);

/** The "## Timing" section: budget, time spent, overrun and score per step. */
export function timingSection(results: readonly StepResult[]): string {
	const lines = ["## Timing", "", "| Step | Budget (min) | Spent (min) | Over (min) | Score |", "| --- | ---: | ---: | ---: | ---: |"];
	for (const r of results) {
		lines.push(`| ${r.step}. ${stepTitle(r.name)} | ${fmt(r.budget)} | ${fmt(r.minutes)} | ${r.overrun > 0 ? fmt(r.overrun) : "–"} | ${r.score ?? "–"} |`);
	}
	const total = (pick: (r: StepResult) => number): number => results.reduce((n, r) => n + pick(r), 0);
	lines.push(`| **Total** | ${fmt(total((r) => r.budget))} | ${fmt(total((r) => r.minutes))} | ${fmt(total((r) => r.overrun))} | |`);
	return lines.join("\n") + "\n";
}

/** Line ranges of the note's level-2 sections, outside code blocks. */
function level2Headings(lines: string[]): { text: string; line: number }[] {
	const mask = codeLineMask(lines);
	const out: { text: string; line: number }[] = [];
	lines.forEach((l, i) => {
		const m = /^##\s+(.+?)\s*#*\s*$/.exec(l);
		if (m && !mask[i]) out.push({ text: m[1]!.trim().toLowerCase(), line: i });
	});
	return out;
}

/**
 * The note with its "## Timing" section replaced, or inserted before
 * "## Your answer" (after the time plan), else before "## Checklist", else at the end.
 */
export function withTimingSection(text: string, section: string): string {
	const lines = text.replace(/\r\n?/g, "\n").split("\n");
	const heads = level2Headings(lines);
	const block = section.trimEnd().split("\n");
	const at = heads.findIndex((h) => h.text === "timing");
	if (at >= 0) {
		const end = heads[at + 1]?.line ?? lines.length;
		const tail = lines.slice(end);
		return [...lines.slice(0, heads[at]!.line), ...block, ...(tail.length > 0 ? ["", ...tail] : [""])].join("\n");
	}
	const before = heads.find((h) => h.text === "your answer") ?? heads.find((h) => h.text === "checklist");
	if (!before) return `${text.trimEnd()}\n\n${block.join("\n")}\n`;
	return [...lines.slice(0, before.line), ...block, "", ...lines.slice(before.line)].join("\n");
}

export interface ChecklistTally {
	ticked: number;
	total: number;
}

/** Per framework step, how many of the practice note's checklist items are ticked ("### Step N" subsections of "## Checklist"). */
export function checklistTally(noteText: string): Map<number, ChecklistTally> {
	const out = new Map<number, ChecklistTally>();
	const section = sectionText(splitFrontmatter(noteText).body, "Checklist") ?? "";
	let current: number | null = null;
	for (const line of section.split("\n")) {
		const h = /^#{3,6}\s+(.+)$/.exec(line);
		if (h) {
			const m = /^step\s+(\d+)\b/i.exec(h[1]!.trim());
			current = m ? Number(m[1]) : null;
			continue;
		}
		if (current === null) continue;
		const item = checklistItems(line)[0];
		if (!item) continue;
		const t = out.get(current) ?? { ticked: 0, total: 0 };
		t.total++;
		if (item.done) t.ticked++;
		out.set(current, t);
	}
	return out;
}

/** A starting score from the ticked share of a step's checklist: none → 1, all → 4; 2 when the step has no items. */
export function suggestedScore(tally: ChecklistTally | undefined): number {
	if (!tally || tally.total === 0) return 2;
	return 1 + Math.round((3 * tally.ticked) / tally.total);
}

/** Each planned step's budget, time spent and overrun from a timer's view (scores still empty). */
export function stepResults(state: TimerState, view: TimerView): StepResult[] {
	return state.plan.map((p, i) => ({
		step: p.step,
		name: p.name,
		budget: p.minutes,
		minutes: toMinutes(view.perStep[i]?.elapsedMs ?? 0),
		overrun: toMinutes(view.perStep[i]?.overrunMs ?? 0),
		score: null,
	}));
}

/** Rebuilds step results from a practice note's properties, to self-review a session later. */
export function resultsFromProperties(fm: Record<string, unknown>, steps: readonly { step: number; name: string; minutes: number }[]): StepResult[] {
	const list = (key: string): unknown[] => (Array.isArray(fm[key]) ? (fm[key] as unknown[]) : []);
	const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
	const minutes = list("step-minutes");
	const overrun = list("step-overrun");
	const scores = list("step-scores");
	return steps.map((s) => {
		const i = s.step - 1;
		const score = num(scores[i]);
		return {
			step: s.step, name: s.name, budget: s.minutes,
			minutes: num(minutes[i]) ?? 0,
			overrun: num(overrun[i]) ?? 0,
			score: score !== null && score >= 1 && score <= 4 ? score : null,
		};
	});
}
