/**
 * The practice dashboard, computed from practice notes only: sessions per
 * week, which steps of which cases were scored, each step's scores over time
 * and its overruns, the weakest steps with the concepts to revisit, coverage
 * by domain, the days to the interview, what is due, and the three next
 * things to do. The summary is plain JSON (for `mlsd progress --json`); the
 * progress view draws it, and `progressMarkdown` turns it into the progress note.
 */
import type { Catalog, PracticeRecord } from "./catalog";
import { stepTitle } from "./checklist";
import { linksIn, outlined, sectionRange, type NoteInput } from "./outline";
import { joinPath } from "./paths";
import { daysBetween } from "./prompt";
import { caseSchedules, introductionOrder, NO_PLAN, ratingOf, type InterviewPlan } from "./review";
import { readSession, scoredSteps } from "./session";
import { frontmatterBlock, type StringifyYaml } from "./yaml";

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
	/** Each step's scores, oldest session first. */
	trend: StepTrend[];
	/** Each timed step: how often and by how much it ran over its budget. */
	overruns: StepOverrun[];
	interviewDate: string | null;
	/** null without an interview date; negative once it has passed. */
	daysLeft: number | null;
	/** Per domain: case studies, and how many of them were practised. */
	domains: { domain: string; cases: number; practised: number; target: boolean }[];
	/** The three next things to do, most useful first. */
	next: NextAction[];
}

export interface StepTrend {
	step: number;
	name: string;
	points: { date: string; score: number }[];
}

export interface StepOverrun {
	step: number;
	name: string;
	/** Sessions in which the step was timed. */
	timed: number;
	/** Sessions in which it ran over. */
	over: number;
	/** Average minutes over budget in the sessions that ran over (one decimal; 0 when none did). */
	averageOver: number;
}

export type NextAction =
	| { kind: "review"; case: string; text: string }
	| { kind: "new"; case: string; text: string }
	| { kind: "drill"; step: number; text: string }
	| { kind: "timing"; step: number; text: string }
	| { kind: "cards"; text: string }
	| { kind: "set-date"; text: string };

export interface ProgressOptions {
	plan?: InterviewPlan;
	/** Flashcards due today, when known. */
	cardsDue?: number | null;
}

/** Note texts by path (at least the framework step notes), for the concepts each weak step links to. */
export type NoteTexts = ReadonlyMap<string, NoteInput>;

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

/** A note's scores by step number (the new `stepN-score` properties or the 0.1 list); unscored and skipped steps are left out. */
export function stepScores(p: PracticeRecord): Map<number, number> {
	return scoredSteps(p.properties);
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
export function conceptsToKnow(catalog: Catalog, stepNote: NoteInput): string[] {
	const n = outlined(stepNote);
	const range = sectionRange(n, "Concepts to know");
	const concepts = new Map(catalog.ofType("concept").map((c) => [c.name.toLowerCase(), c.name]));
	const out: string[] = [];
	for (const link of range ? linksIn(n, range) : []) {
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

function byDate(practice: readonly PracticeRecord[]): PracticeRecord[] {
	return [...practice].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.path < b.path ? -1 : 1));
}

function stepNames(catalog: Catalog): Map<number, string> {
	return new Map(catalog.steps().map((s) => [s.step, s.name]));
}

function trend(catalog: Catalog, practice: readonly PracticeRecord[]): StepTrend[] {
	const names = stepNames(catalog);
	const byStep = new Map<number, { date: string; score: number }[]>();
	for (const p of byDate(practice)) {
		for (const [step, score] of stepScores(p)) {
			const list = byStep.get(step) ?? [];
			list.push({ date: p.date, score });
			byStep.set(step, list);
		}
	}
	return [...byStep].sort(([a], [b]) => a - b).map(([step, points]) => ({ step, name: names.get(step) ?? `Step ${step}`, points }));
}

function overruns(catalog: Catalog, practice: readonly PracticeRecord[]): StepOverrun[] {
	const names = stepNames(catalog);
	const acc = new Map<number, { timed: number; over: number; total: number }>();
	for (const p of practice) {
		for (const [step, o] of readSession(p.properties).steps) {
			if (o.score === "skipped" || o.minutes === null) continue;
			const a = acc.get(step) ?? { timed: 0, over: 0, total: 0 };
			a.timed++;
			if ((o.overrun ?? 0) > 0) {
				a.over++;
				a.total += o.overrun!;
			}
			acc.set(step, a);
		}
	}
	return [...acc].sort(([a], [b]) => a - b).map(([step, a]) => ({
		step, name: names.get(step) ?? `Step ${step}`, timed: a.timed, over: a.over, averageOver: a.over === 0 ? 0 : Math.round((a.total / a.over) * 10) / 10,
	}));
}

function domainCoverage(catalog: Catalog, practice: readonly PracticeRecord[], plan: InterviewPlan): ProgressSummary["domains"] {
	const practised = new Set(practice.map((p) => p.caseName.toLowerCase()));
	const acc = new Map<string, { cases: number; practised: number }>();
	for (const c of catalog.cases()) {
		const d = c.domain.toLowerCase();
		const a = acc.get(d) ?? { cases: 0, practised: 0 };
		a.cases++;
		if (practised.has(c.name.toLowerCase())) a.practised++;
		acc.set(d, a);
	}
	const targets = plan.targetDomains.map((d) => d.toLowerCase());
	return [...acc]
		.map(([domain, a]) => ({ domain, ...a, target: targets.includes(domain) }))
		.sort((a, b) => Number(b.target) - Number(a.target) || a.domain.localeCompare(b.domain));
}

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The three most useful things to do next, from what is due, the weakest and slowest steps, and the gaps. */
function nextActions(catalog: Catalog, s: Omit<ProgressSummary, "next">, plan: InterviewPlan, cardsDue: number | null, scheduled: ReadonlySet<string>): NextAction[] {
	const out: NextAction[] = [];
	const due = s.due.filter((d) => d.overdueDays >= 0);
	if (due[0]) out.push({ kind: "review", case: due[0].case, text: `Run a mock interview of ${due[0].case}: ${due[0].overdueDays === 0 ? "it is due today" : `it is ${plural(due[0].overdueDays, "day")} overdue`}.` });
	const weak = s.weakestSteps.filter((w) => w.average < 3);
	if (weak[0]) out.push(drill(weak[0]));
	const slow = [...s.overruns].filter((o) => o.over > 0).sort((a, b) => b.averageOver - a.averageOver || a.step - b.step)[0];
	if (slow) out.push({ kind: "timing", step: slow.step, text: `Keep step ${slow.step} (${stepTitle(slow.name)}) to its budget: it ran over in ${slow.over} of ${slow.timed} timed sessions, by ${slow.averageOver.toFixed(1)} min on average when it did.` });
	if (cardsDue !== null && cardsDue > 0) out.push({ kind: "cards", text: `Review the ${plural(cardsDue, "flashcard")} due today.` });
	if (s.interviewDate === null) out.push({ kind: "set-date", text: "Set your interview date, so every case you practise comes back before it." });
	const practised = new Set([...scheduled, ...catalog.practice().map((p) => p.caseName.toLowerCase())]);
	const fresh = introductionOrder(catalog.cases().filter((c) => c.prompts.length > 0), practised, plan);
	for (const f of fresh.slice(0, 3)) out.push({ kind: "new", case: f.case.name, text: `Start ${f.case.name} (${f.reason}).` });
	if (weak[1]) out.push(drill(weak[1]));
	return out.slice(0, 3);
}

function drill(w: ProgressSummary["weakestSteps"][number]): NextAction {
	return { kind: "drill", step: w.step, text: `Drill step ${w.step} (${stepTitle(w.name)}): it averages ${w.average.toFixed(1)} of 4${w.concepts.length > 0 ? `; revisit ${w.concepts.slice(0, 2).join(" and ")}` : ""}.` };
}

function dueList(schedules: ReturnType<typeof caseSchedules>, today: string): ProgressSummary["due"] {
	return [...schedules.values()]
		.map((s) => ({ case: s.caseName, due: s.due, overdueDays: daysBetween(s.due, today) }))
		.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.case.localeCompare(b.case)));
}

/** The dashboard's numbers. `texts` holds note texts by path (step notes, for their concepts); `today` is YYYY-MM-DD. */
export function progressSummary(catalog: Catalog, texts: NoteTexts | undefined, today: string, options: ProgressOptions = {}): ProgressSummary {
	const plan = options.plan ?? NO_PLAN;
	const practice = catalog.practice();
	const averages = stepAverages(catalog, practice);
	const schedules = caseSchedules(catalog, plan);
	const base: Omit<ProgressSummary, "next"> = {
		today,
		sessions: practice.length,
		rated: practice.filter((p) => ratingOf(p) !== null).length,
		byWeek: sessionsByWeek(practice),
		coverage: coverage(practice),
		stepAverages: averages,
		weakestSteps: weakestSteps(catalog, averages, texts),
		due: dueList(schedules, today),
		skipped: catalog.skipped().map((s) => ({ path: s.path, problems: [...s.problems] })),
		trend: trend(catalog, practice),
		overruns: overruns(catalog, practice),
		interviewDate: plan.interviewDate,
		daysLeft: plan.interviewDate ? daysBetween(today, plan.interviewDate) : null,
		domains: domainCoverage(catalog, practice, plan),
	};
	return { ...base, next: nextActions(catalog, base, plan, options.cardsDue ?? null, new Set(schedules.keys())) };
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

function daysLeftText(s: ProgressSummary): string {
	if (s.interviewDate === null || s.daysLeft === null) return "No interview date set: run \"Set interview date\" so reviews are planned before it.";
	if (s.daysLeft < 0) return `The interview date (${s.interviewDate}) has passed.`;
	return s.daysLeft === 0 ? `The interview is today (${s.interviewDate}).` : `${plural(s.daysLeft, "day")} to the interview on ${s.interviewDate}.`;
}

function nextPart(s: ProgressSummary): string[] {
	const out = ["## Next three things", ""];
	if (s.next.length === 0) return [...out, "Nothing stands out: draw a prompt and run a mock interview.", ""];
	return [...out, ...s.next.map((n, i) => `${i + 1}. ${n.text}`), ""];
}

function trendPart(s: ProgressSummary): string[] {
	const out = ["## Step trend", ""];
	if (s.trend.length === 0) return [...out, "No step has a score yet.", ""];
	const rows = s.trend.map((t) => {
		const last = t.points.slice(-8).map((p) => String(p.score)).join(" → ");
		return [`${t.step}. ${stepTitle(t.name)}`, last, String(t.points[t.points.length - 1]!.score)];
	});
	return [...out, "Scores from 1 (missed) to 4 (strong), oldest first (the last eight sessions).", "", ...table(["Step", "Scores", "Latest"], ["l", "l", "r"], rows), ""];
}

function overrunPart(s: ProgressSummary): string[] {
	if (s.overruns.length === 0) return [];
	const rows = s.overruns.map((o) => [`${o.step}. ${stepTitle(o.name)}`, `${o.over} of ${o.timed}`, o.over > 0 ? o.averageOver.toFixed(1) : "–"]);
	return ["## Overruns", "", ...table(["Step", "Timed sessions over budget", "Average over when over (min)"], ["l", "r", "r"], rows), ""];
}

function domainPart(s: ProgressSummary): string[] {
	if (s.domains.length === 0) return [];
	const rows = s.domains.map((d) => [`${d.domain}${d.target ? " (target)" : ""}`, `${d.practised} of ${d.cases}`]);
	return ["## Coverage by domain", "", ...table(["Domain", "Cases practised"], ["l", "r"], rows), ""];
}

/** The progress note: a table per part, links as wikilinks; `stringifyYaml` writes its properties (Obsidian's in the plugin). */
export function progressMarkdown(s: ProgressSummary, stringifyYaml: StringifyYaml): string {
	const head = [frontmatterBlock({ tags: [PROGRESS_TAG] }, stringifyYaml).trimEnd(), "# Practice progress", ""];
	const intro = [`Updated ${s.today} from your practice notes by the "Open progress" command. ${daysLeftText(s)}`, ""];
	return [
		...head, ...intro, ...nextPart(s), ...sessionsPart(s), ...duePart(s), ...stepsPart(s), ...trendPart(s), ...overrunPart(s),
		...domainPart(s), ...coveragePart(s), ...skippedPart(s),
	].join("\n").trimEnd() + "\n";
}
