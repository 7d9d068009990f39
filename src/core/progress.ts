/**
 * The practice dashboard, computed from practice notes only: sessions per
 * week, which steps of which cases were scored, average score per step, the
 * weakest steps with the concepts to revisit, and what is due for review.
 * The summary is plain JSON (for `mlsd progress --json`); `progressMarkdown`
 * turns it into the progress note the plugin writes and refreshes.
 */
import type { Catalog, PracticeRecord } from "./catalog";
import { stepTitle } from "./checklist";
import { sectionText, splitFrontmatter, wikilinks } from "./markdown";
import { joinPath } from "./paths";
import { daysBetween } from "./prompt";
import { caseSchedules, ratingOf } from "./review";

export const PROGRESS_NOTE = "Progress.md";
export const PROGRESS_TAG = "mlsd/progress";
/** How many of the lowest-scoring steps the dashboard lists. */
const WEAKEST = 3;

export interface StepAverage {
	step: number;
	name: string;
	average: number;
	count: number;
}

export interface ProgressSummary {
	today: string;
	sessions: number;
	rated: number;
	byWeek: { week: string; sessions: number }[];
	coverage: { case: string; steps: number[] }[];
	stepAverages: StepAverage[];
	weakestSteps: (StepAverage & { concepts: string[] })[];
	/** overdueDays is negative while the review is still ahead. */
	due: { case: string; due: string; overdueDays: number }[];
	skipped: { path: string; problems: string[] }[];
}

/** Note texts by path (at least the framework step notes), for the concepts each weak step links to. */
export type NoteTexts = ReadonlyMap<string, string>;

export function progressNotePath(practiceFolder: string): string {
	return joinPath(practiceFolder, PROGRESS_NOTE);
}

/** ISO 8601 week of a YYYY-MM-DD date, such as "2026-W05". */
export function isoWeek(date: string): string {
	const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
	const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * 86_400_000);
	const year = thursday.getUTCFullYear();
	const dayOfYear = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000);
	return `${year}-W${String(Math.floor(dayOfYear / 7) + 1).padStart(2, "0")}`;
}

/** The `step-scores` of a note by step number (position i is step i + 1); unscored steps are left out. */
export function stepScores(p: PracticeRecord): Map<number, number> {
	const out = new Map<number, number>();
	const raw = p.properties["step-scores"];
	if (!Array.isArray(raw)) return out;
	raw.forEach((v, i) => {
		if (typeof v === "number" && v >= 1 && v <= 4) out.set(i + 1, v);
	});
	return out;
}

function sessionsByWeek(practice: readonly PracticeRecord[]): { week: string; sessions: number }[] {
	const counts = new Map<string, number>();
	for (const p of practice) counts.set(isoWeek(p.date), (counts.get(isoWeek(p.date)) ?? 0) + 1);
	return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([week, sessions]) => ({ week, sessions }));
}

function coverage(practice: readonly PracticeRecord[]): { case: string; steps: number[] }[] {
	const byCase = new Map<string, { case: string; steps: Set<number> }>();
	for (const p of practice) {
		const k = p.caseName.toLowerCase();
		const entry = byCase.get(k) ?? { case: p.caseName, steps: new Set<number>() };
		for (const step of stepScores(p).keys()) entry.steps.add(step);
		byCase.set(k, entry);
	}
	return [...byCase.values()]
		.sort((a, b) => a.case.localeCompare(b.case))
		.map((e) => ({ case: e.case, steps: [...e.steps].sort((a, b) => a - b) }));
}

function stepAverages(catalog: Catalog, practice: readonly PracticeRecord[]): StepAverage[] {
	const sums = new Map<number, { total: number; count: number }>();
	for (const p of practice) {
		for (const [step, score] of stepScores(p)) {
			const s = sums.get(step) ?? { total: 0, count: 0 };
			s.total += score;
			s.count++;
			sums.set(step, s);
		}
	}
	const names = new Map(catalog.steps().map((s) => [s.step, s.name]));
	return [...sums]
		.sort(([a], [b]) => a - b)
		.map(([step, s]) => ({ step, name: names.get(step) ?? `Step ${step}`, average: Math.round((s.total / s.count) * 100) / 100, count: s.count }));
}

/** Concept notes linked from a step note's "## Concepts to know" section, in order, without repeats. */
export function conceptsToKnow(catalog: Catalog, stepText: string): string[] {
	const section = sectionText(splitFrontmatter(stepText).body, "Concepts to know") ?? "";
	const concepts = new Map(catalog.ofType("concept").map((c) => [c.name.toLowerCase(), c.name]));
	const out: string[] = [];
	for (const link of wikilinks(section)) {
		const name = concepts.get(link.target.toLowerCase());
		if (name && !out.includes(name)) out.push(name);
	}
	return out;
}

function weakestSteps(catalog: Catalog, averages: readonly StepAverage[], texts: NoteTexts | undefined): ProgressSummary["weakestSteps"] {
	const paths = new Map(catalog.steps().map((s) => [s.step, s.path]));
	return [...averages]
		.sort((a, b) => a.average - b.average || a.step - b.step)
		.slice(0, WEAKEST)
		.map((a) => {
			const text = texts?.get(paths.get(a.step) ?? "");
			return { ...a, concepts: text === undefined ? [] : conceptsToKnow(catalog, text) };
		});
}

function dueList(catalog: Catalog, today: string): ProgressSummary["due"] {
	return [...caseSchedules(catalog).values()]
		.map((s) => ({ case: s.caseName, due: s.due, overdueDays: daysBetween(s.due, today) }))
		.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.case.localeCompare(b.case)));
}

/** The dashboard's numbers. `texts` holds note texts by path (step notes, for their concepts); `today` is YYYY-MM-DD. */
export function progressSummary(catalog: Catalog, texts: NoteTexts | undefined, today: string): ProgressSummary {
	const practice = catalog.practice();
	const averages = stepAverages(catalog, practice);
	return {
		today,
		sessions: practice.length,
		rated: practice.filter((p) => ratingOf(p) !== null).length,
		byWeek: sessionsByWeek(practice),
		coverage: coverage(practice),
		stepAverages: averages,
		weakestSteps: weakestSteps(catalog, averages, texts),
		due: dueList(catalog, today),
		skipped: catalog.skipped().map((s) => ({ path: s.path, problems: [...s.problems] })),
	};
}

// ---------------------------------------------------------------- Markdown

const link = (name: string): string => `[[${name}]]`;

function table(header: string[], align: ("l" | "r" | "c")[], rows: string[][]): string[] {
	const sep = align.map((a) => (a === "r" ? "---:" : a === "c" ? ":---:" : "---"));
	return [`| ${header.join(" | ")} |`, `| ${sep.join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)];
}

function dueStatus(overdueDays: number): string {
	if (overdueDays === 0) return "due today";
	const n = Math.abs(overdueDays);
	const days = `${n} day${n === 1 ? "" : "s"}`;
	return overdueDays > 0 ? `${days} overdue` : `in ${days}`;
}

function sessionsPart(s: ProgressSummary): string[] {
	const out = ["## Sessions", "", `${s.sessions} practice session${s.sessions === 1 ? "" : "s"}, ${s.rated} rated.`, ""];
	if (s.byWeek.length > 0) out.push(...table(["Week", "Sessions"], ["l", "r"], s.byWeek.map((w) => [w.week, String(w.sessions)])), "");
	return out;
}

function duePart(s: ProgressSummary): string[] {
	const out = ["## Due for review", ""];
	if (s.due.length === 0) return [...out, "Nothing is scheduled yet: rate a session in the self-review to schedule its case.", ""];
	return [...out, ...table(["Case", "Due", "Status"], ["l", "l", "l"], s.due.map((d) => [link(d.case), d.due, dueStatus(d.overdueDays)])), ""];
}

function stepsPart(s: ProgressSummary): string[] {
	const out = ["## Step scores", ""];
	if (s.stepAverages.length === 0) return [...out, "No step has a score yet. Stop a mock interview to score each step.", ""];
	out.push(...table(["Step", "Average (1–4)", "Scored"], ["l", "r", "r"], s.stepAverages.map((a) => [link(a.name), a.average.toFixed(2), String(a.count)])), "");
	out.push("## Weakest steps", "");
	const rows = s.weakestSteps.map((w) => [`${w.step}. ${stepTitle(w.name)}`, w.average.toFixed(2), w.concepts.map(link).join(", ") || "–"]);
	return [...out, ...table(["Step", "Average", "Concepts to revisit"], ["l", "r", "l"], rows), ""];
}

function coveragePart(s: ProgressSummary): string[] {
	const out = ["## Coverage", ""];
	if (s.coverage.length === 0) return [...out, "No case practised yet.", ""];
	const max = Math.max(7, ...s.coverage.flatMap((c) => c.steps));
	const steps = Array.from({ length: max }, (_, i) => i + 1);
	const rows = s.coverage.map((c) => [link(c.case), ...steps.map((n) => (c.steps.includes(n) ? "✓" : "·"))]);
	return [...out, "Steps with a self-review score, per case.", "", ...table(["Case", ...steps.map(String)], ["l", ...steps.map(() => "c" as const)], rows), ""];
}

function skippedPart(s: ProgressSummary): string[] {
	if (s.skipped.length === 0) return [];
	const out = ["## Skipped notes", "", "These notes have properties the plugin cannot read, so they are not counted. Fix them and refresh.", ""];
	for (const k of s.skipped) out.push(`- ${link(k.path.replace(/\.md$/i, ""))}: ${k.problems.join("; ")}`);
	return [...out, ""];
}

/** The progress note: a table per part, links as wikilinks. */
export function progressMarkdown(s: ProgressSummary): string {
	const head = ["---", "tags:", `  - ${PROGRESS_TAG}`, "---", "# Practice progress", ""];
	const intro = [`Updated ${s.today} from your practice notes by the "Open progress" command, which rewrites this note.`, ""];
	return [...head, ...intro, ...sessionsPart(s), ...duePart(s), ...stepsPart(s), ...coveragePart(s), ...skippedPart(s)].join("\n").trimEnd() + "\n";
}
