/**
 * The practice note written by "Start practice": the prompt and twist, a time
 * plan, an answer scaffold per step, the checklist, and the reference case
 * behind a folded callout so nothing is spoiled.
 */
import { checklistToMarkdown, stepTitle, type ChecklistSection } from "./checklist";
import { codeLineMask } from "./markdown";
import { outlined, tasksIn, type NoteInput } from "./outline";
import { toMinutes, type TimerState, type TimerView } from "./mockTimer";
import type { Draw } from "./prompt";
import { frontmatterBlock, type StringifyYaml } from "./yaml";
import {
	LEGACY_LISTS, readSession, SESSION_DATE, SESSION_RATING, SKIPPED, stepMinutesKey, stepOverrunKey, stepScoreKey, TWIST_NOTE,
	type PracticeRating, type PropertyChange,
} from "./session";

export interface PracticeStep {
	step: number;
	name: string;
	minutes: number;
}

export interface PracticeNoteInput {
	draw: Draw;
	date: string;
	/** Every framework step, with budgets scaled to the interview length. */
	steps: PracticeStep[];
	/** The steps of a partial drill, or null for the whole interview. */
	drillSteps?: readonly number[] | null;
	checklist: ChecklistSection[];
	totalMinutes: number;
	/** Minute of the interview at which the twist is added (0 or null: no fixed minute). */
	twistMinute?: number | null;
}

export function practiceTitle(draw: Draw, date: string, drill: readonly number[] | null = null): string {
	return `Practice ${date} ${draw.caseName}${drill ? ` (steps ${drill.join(", ")})` : ""}`;
}

/** The steps a session practises: the drill's, in step order, or all of them. */
export function practisedSteps<T extends { step: number }>(steps: readonly T[], drill: readonly number[] | null | undefined): T[] {
	if (!drill || drill.length === 0) return [...steps];
	const want = new Set(drill);
	return steps.filter((s) => want.has(s.step));
}

/** The step a checklist section belongs to ("Step 3: ..."), or null for the case's own section. */
function sectionStep(section: ChecklistSection): number | null {
	const m = /^Step (\d+):/.exec(section.title);
	return m ? Number(m[1]) : null;
}

/** Text inside a callout: every line of it quoted, so a prompt with line breaks stays in its callout. */
const calloutText = (text: string): string => text.replace(/\r?\n/g, "\n> ");

function twistCallout(draw: Draw, twistMinute: number | null | undefined): string[] {
	if (!draw.twist) return [];
	const when = twistMinute && twistMinute > 0 ? `the interviewer adds this at minute ${twistMinute}` : "open it once your design hangs together";
	const lines = ["", `> [!warning]- Twist: ${when}`, `> ${calloutText(draw.twist)}`];
	if (draw.twistNote) lines.push(">", `> After the session: [[${draw.twistNote}#Model answer|model answer to this twist]]`);
	return lines;
}

/** The practice note's text; `stringifyYaml` writes its properties (Obsidian's in the plugin). */
export function practiceNote(input: PracticeNoteInput, stringifyYaml: StringifyYaml): string {
	const { draw, date } = input;
	const drill = input.drillSteps && input.drillSteps.length > 0 && input.drillSteps.length < input.steps.length ? [...input.drillSteps].sort((a, b) => a - b) : null;
	const steps = practisedSteps(input.steps, drill);
	const skipped = drill ? input.steps.filter((s) => !drill.includes(s.step)) : [];
	const minutes = Math.round(steps.reduce((n, s) => n + s.minutes, 0) * 10) / 10;
	const properties: Record<string, unknown> = {
		type: "practice",
		case: `[[${draw.caseName}]]`,
		prompt: draw.prompt,
		...(draw.twist ? { twist: draw.twist } : {}),
		...(draw.twistNote ? { [TWIST_NOTE]: `[[${draw.twistNote}]]` } : {}),
		[SESSION_DATE]: date,
		"interview-minutes": drill ? minutes : input.totalMinutes,
		...Object.fromEntries(skipped.map((s) => [stepScoreKey(s.step), SKIPPED])),
		[SESSION_RATING]: null,
		tags: ["mlsd/practice"],
	};
	const lines: string[] = [
		frontmatterBlock(properties, stringifyYaml).trimEnd(),
		"",
		"> [!question] Interview prompt",
		`> ${calloutText(draw.prompt)}`,
		...twistCallout(draw, drill ? null : input.twistMinute),
		...(drill ? ["", `> [!info] Partial drill: step${drill.length === 1 ? "" : "s"} ${drill.join(", ")}`, "> The other steps are recorded as skipped, not scored."] : []),
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
	const checklist = drill ? input.checklist.filter((c) => { const n = sectionStep(c); return n === null || drill.includes(n); }) : input.checklist;
	lines.push("## Checklist", "", "Tick what your answer covered.", "");
	lines.push(checklistToMarkdown(checklist, { heading: null, level: 3 }).trimEnd(), "");
	lines.push(
		"## Reference answer",
		"",
		"> [!example]- Reference case study (open only after answering)",
		`> [[${draw.caseName}]]`,
		">",
		`> ![[${draw.caseName}]]`,
		"",
	);
	if (draw.twistNote) lines.push(`Twist: [[${draw.twistNote}]] (what changes, and a model answer).`, "");
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
	/** Self-review score 1–4, or null when not scored (it stays unscored). */
	score: number | null;
	/** Not practised in this session (a partial drill, or an interview stopped before it): never scored. */
	skipped?: boolean;
}

const LEGACY_REMOVE = [...LEGACY_LISTS, "due"];

/** `stepN-minutes` and `stepN-overrun`, written when a mock interview stops; skipped steps get `stepN-score: skipped`. */
export function timingProperties(results: readonly StepResult[]): PropertyChange {
	const set: Record<string, unknown> = {};
	const remove: string[] = [...LEGACY_REMOVE];
	for (const r of results) {
		if (r.skipped) {
			set[stepScoreKey(r.step)] = SKIPPED;
			remove.push(stepMinutesKey(r.step), stepOverrunKey(r.step));
			continue;
		}
		set[stepMinutesKey(r.step)] = r.minutes;
		if (r.overrun > 0) set[stepOverrunKey(r.step)] = r.overrun;
		else remove.push(stepOverrunKey(r.step));
	}
	return { set, remove };
}

/**
 * Everything the self-review writes: timing, a score for each scored step,
 * `skipped` for each skipped one, and the rating. An unscored step has no
 * score property at all; no due date is stored (it is computed).
 */
export function reviewProperties(results: readonly StepResult[], rating: PracticeRating, legacyRating: unknown = undefined): PropertyChange {
	const { set, remove } = timingProperties(results);
	for (const r of results) {
		if (r.skipped) continue;
		if (r.score !== null) set[stepScoreKey(r.step)] = r.score;
		else remove.push(stepScoreKey(r.step));
	}
	set[SESSION_RATING] = rating;
	// The 0.1 "rating" is ours only when it holds one of our values (or is empty); a user's own "rating" stays.
	if (legacyRating === null || legacyRating === "" || (typeof legacyRating === "string" && ["again", "hard", "good", "easy"].includes(legacyRating.trim().toLowerCase()))) remove.push("rating");
	return { set, remove: remove.filter((k) => !(k in set)) };
}

const fmt = (n: number): string => (Math.round(n * 10) / 10).toFixed(1);

/** The "## Timing" section: budget, time spent, overrun and score per step. */
export function timingSection(results: readonly StepResult[]): string {
	const lines = ["## Timing", "", "| Step | Budget (min) | Spent (min) | Over (min) | Score |", "| --- | ---: | ---: | ---: | ---: |"];
	const practised = results.filter((r) => !r.skipped);
	for (const r of results) {
		if (r.skipped) lines.push(`| ${r.step}. ${stepTitle(r.name)} | ${fmt(r.budget)} | – | – | skipped |`);
		else lines.push(`| ${r.step}. ${stepTitle(r.name)} | ${fmt(r.budget)} | ${fmt(r.minutes)} | ${r.overrun > 0 ? fmt(r.overrun) : "–"} | ${r.score ?? "–"} |`);
	}
	const total = (pick: (r: StepResult) => number): number => practised.reduce((n, r) => n + pick(r), 0);
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

/** One `- [ ]` item of a practice note's "## Checklist", with the step its subsection belongs to (null: the case's own items). */
export interface ChecklistEntry {
	step: number | null;
	/** The subsection's heading ("Step 3: Data preparation (9 min)", "Specific to ..."). */
	heading: string;
	text: string;
	done: boolean;
	/** 0-based line of the item in the note's text (after line endings are normalised). */
	line: number;
}

/**
 * The checklist items of a practice note, in order: the tasks under its
 * level-2 "Checklist" heading, each with the level-3+ subsection it is in.
 * Headings and tasks come from the note's outline (Obsidian's metadata cache
 * in the plugin), so code blocks and comments never count.
 */
export function checklistEntries(note: NoteInput): ChecklistEntry[] {
	const n = outlined(note);
	const hs = n.outline.headings;
	const out: ChecklistEntry[] = [];
	hs.forEach((h, i) => {
		if (h.level !== 2 || h.text.toLowerCase() !== "checklist") return;
		const end = hs.slice(i + 1).find((x) => x.level <= 2)?.line ?? Number.MAX_SAFE_INTEGER;
		const subs = hs.filter((x) => x.line > h.line && x.line < end);
		for (const t of tasksIn(n, { from: h.line + 1, to: end })) {
			const sub = subs.filter((x) => x.line < t.line).at(-1);
			const heading = sub?.text ?? "";
			const m = /^step\s+(\d+)\b/i.exec(heading);
			out.push({ step: m ? Number(m[1]) : null, heading, text: t.text, done: t.done, line: t.line });
		}
	});
	return out;
}

const TASK_BOX = /^([ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[).(\])/;

/** The note with one checklist item ticked or unticked; unchanged when that line is not a task. */
export function setChecklistItem(noteText: string, line: number, done: boolean): string {
	const lines = noteText.replace(/\r\n?/g, "\n").split("\n");
	const current = lines[line];
	if (current === undefined || !TASK_BOX.test(current)) return noteText;
	lines[line] = current.replace(TASK_BOX, `$1${done ? "x" : " "}$2`);
	return lines.join("\n");
}

/** Per framework step, how many of the practice note's checklist items are ticked ("### Step N" subsections of "## Checklist"). */
export function checklistTally(note: NoteInput): Map<number, ChecklistTally> {
	const out = new Map<number, ChecklistTally>();
	for (const e of checklistEntries(note)) {
		if (e.step === null) continue;
		const t = out.get(e.step) ?? { ticked: 0, total: 0 };
		t.total++;
		if (e.done) t.ticked++;
		out.set(e.step, t);
	}
	return out;
}

/** Each planned step's budget, time spent and overrun from a timer's view (scores still empty). Steps the interview never reached are skipped. */
export function stepResults(state: TimerState, view: TimerView): StepResult[] {
	return state.plan.map((p, i) => {
		const reached = i <= view.stepIndex;
		return {
			step: p.step,
			name: p.name,
			budget: p.minutes,
			minutes: reached ? toMinutes(view.perStep[i]?.elapsedMs ?? 0) : 0,
			overrun: reached ? toMinutes(view.perStep[i]?.overrunMs ?? 0) : 0,
			score: null,
			...(reached ? {} : { skipped: true }),
		};
	});
}

/**
 * Rebuilds step results from a practice note's properties, to self-review a
 * session later. Scores already given are kept; steps the note records as
 * skipped stay skipped; the new and the 0.1 properties are both read.
 */
export function resultsFromProperties(fm: Record<string, unknown>, steps: readonly { step: number; name: string; minutes: number }[]): StepResult[] {
	const facts = readSession(fm).steps;
	return steps.map((s) => {
		const o = facts.get(s.step);
		const base = { step: s.step, name: s.name, budget: s.minutes, minutes: o?.minutes ?? 0, overrun: o?.overrun ?? 0 };
		if (o?.score === SKIPPED) return { ...base, score: null, skipped: true };
		return { ...base, score: typeof o?.score === "number" ? o.score : null };
	});
}
