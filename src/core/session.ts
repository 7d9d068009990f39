/**
 * The properties of a practice note, as the plugin writes and reads them.
 *
 * Written as Properties-friendly scalars with names that cannot clash with a
 * user's own generic properties: `session-date`, `mlsd-rating`, and per step
 * `step3-score` (1–4, or `skipped` for a step the session did not practise),
 * `step3-minutes` and `step3-overrun`. Nothing derived (such as the next due
 * date) is stored: schedules are computed from these facts.
 *
 * Notes written by 0.1 (`date`, `rating`, `due`, and the lists `step-scores`,
 * `step-minutes`, `step-overrun` with `null` gaps) are still read.
 */
import { dayOf } from "./dates";

/** How a practice session went, as the self-review records it (the grades of FSRS). */
export const PRACTICE_RATINGS = ["again", "hard", "good", "easy"] as const;
export type PracticeRating = (typeof PRACTICE_RATINGS)[number];

export const SESSION_DATE = "session-date";
export const SESSION_RATING = "mlsd-rating";
export const TWIST_NOTE = "twist-note";
export const SKIPPED = "skipped";
/** The properties 0.1 wrote; read as a fallback, removed when the self-review rewrites a note. */
export const LEGACY_LISTS = ["step-scores", "step-minutes", "step-overrun"] as const;

export const stepScoreKey = (step: number): string => `step${step}-score`;
export const stepMinutesKey = (step: number): string => `step${step}-minutes`;
export const stepOverrunKey = (step: number): string => `step${step}-overrun`;

/** One step of a session: a score 1–4, `skipped`, or null when practised but not scored. */
export interface StepOutcome {
	step: number;
	score: number | "skipped" | null;
	minutes: number | null;
	overrun: number | null;
}

export interface SessionFacts {
	date: string | null;
	rating: PracticeRating | null;
	/** Every step the note says anything about, by step number. */
	steps: Map<number, StepOutcome>;
}

type Fm = Record<string, unknown>;

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === "";
const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isScore = (v: unknown): v is number => finite(v) && Number.isInteger(v) && v >= 1 && v <= 4;
const STEP_KEY = /^step(\d+)-(score|minutes|overrun)$/;

function ratingValue(v: unknown): PracticeRating | null {
	if (typeof v !== "string") return null;
	const r = v.trim().toLowerCase();
	return (PRACTICE_RATINGS as readonly string[]).includes(r) ? (r as PracticeRating) : null;
}

/** A real calendar date (`2026-13-45` is none), so no schedule ever meets an "Invalid time value". */
function dateValue(v: unknown): string | null {
	if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
	return dayOf(v);
}

/** The session's date: `session-date`, else the 0.1 `date`. */
export function sessionDate(fm: Fm): string | null {
	return dateValue(fm[SESSION_DATE]) ?? dateValue(fm.date);
}

/** The session's rating: `mlsd-rating`, else the 0.1 `rating` (only when it holds one of our four values). */
export function sessionRating(fm: Fm): PracticeRating | null {
	return ratingValue(fm[SESSION_RATING]) ?? (isEmpty(fm[SESSION_RATING]) ? ratingValue(fm.rating) : null);
}

/** Everything a practice note records, from the new scalar properties with the 0.1 lists as a fallback. */
export function readSession(fm: Fm): SessionFacts {
	const steps = new Map<number, StepOutcome>();
	const at = (step: number): StepOutcome => {
		let o = steps.get(step);
		if (!o) steps.set(step, (o = { step, score: null, minutes: null, overrun: null }));
		return o;
	};
	// 0.1 lists: position i is step i + 1; null is a gap.
	const list = (key: string): unknown[] => (Array.isArray(fm[key]) ? (fm[key] as unknown[]) : []);
	list("step-scores").forEach((v, i) => { if (isScore(v)) at(i + 1).score = v; });
	list("step-minutes").forEach((v, i) => { if (finite(v) && v >= 0) at(i + 1).minutes = v; });
	list("step-overrun").forEach((v, i) => { if (finite(v) && v >= 0) at(i + 1).overrun = v; });
	for (const [key, v] of Object.entries(fm)) {
		const m = STEP_KEY.exec(key);
		if (!m || isEmpty(v)) continue;
		const step = Number(m[1]);
		if (m[2] === "score") {
			if (isScore(v)) at(step).score = v;
			else if (typeof v === "string" && v.trim().toLowerCase() === SKIPPED) at(step).score = SKIPPED;
		} else if (finite(v) && v >= 0) at(step)[m[2] === "minutes" ? "minutes" : "overrun"] = v;
	}
	return { date: sessionDate(fm), rating: sessionRating(fm), steps };
}

/** Scores 1–4 by step number; skipped and unscored steps left out. */
export function scoredSteps(fm: Fm): Map<number, number> {
	const out = new Map<number, number>();
	for (const [step, o] of readSession(fm).steps) if (typeof o.score === "number") out.set(step, o.score);
	return out;
}

/** Steps this session did not practise (a partial drill, or an interview stopped early). */
export function skippedSteps(fm: Fm): Set<number> {
	return new Set([...readSession(fm).steps.values()].filter((o) => o.score === SKIPPED).map((o) => o.step));
}

export interface PropertyProblem {
	property: string;
	message: string;
}

function legacyList(fm: Fm, key: string, ok: (n: number) => boolean, rule: string, out: PropertyProblem[]): void {
	const v = fm[key];
	if (isEmpty(v)) return;
	if (!Array.isArray(v) || !v.every((x) => x === null || (finite(x) && ok(x)))) out.push({ property: key, message: `"${key}" must be a list of ${rule}` });
}

/** Problems with the properties the practice loop writes; each may be empty until the self-review fills it in. */
export function sessionProblems(fm: Fm): PropertyProblem[] {
	const out: PropertyProblem[] = [];
	if (sessionDate(fm) === null) {
		const key = isEmpty(fm[SESSION_DATE]) && !isEmpty(fm.date) ? "date" : SESSION_DATE;
		out.push({ property: key, message: isEmpty(fm[key]) ? `"${key}" must be a date such as 2026-01-31` : `"${key}" is ${JSON.stringify(fm[key])}, which is not a real date such as 2026-01-31` });
	}
	if (!isEmpty(fm[SESSION_RATING]) && ratingValue(fm[SESSION_RATING]) === null) {
		out.push({ property: SESSION_RATING, message: `"${SESSION_RATING}" is ${JSON.stringify(fm[SESSION_RATING])}; expected one of: ${PRACTICE_RATINGS.join(", ")}` });
	}
	for (const [key, v] of Object.entries(fm)) {
		const m = STEP_KEY.exec(key);
		if (!m || isEmpty(v)) continue;
		if (m[2] === "score") {
			if (!isScore(v) && !(typeof v === "string" && v.trim().toLowerCase() === SKIPPED)) out.push({ property: key, message: `"${key}" must be a score from 1 to 4, or "${SKIPPED}"` });
		} else if (!finite(v) || v < 0) out.push({ property: key, message: `"${key}" must be a number of minutes (0 or more)` });
	}
	legacyList(fm, "step-minutes", (n) => n >= 0, "minutes (numbers, 0 or more)", out);
	legacyList(fm, "step-overrun", (n) => n >= 0, "minutes (numbers, 0 or more)", out);
	legacyList(fm, "step-scores", (n) => Number.isInteger(n) && n >= 1 && n <= 4, "scores from 1 to 4", out);
	return out;
}

/** What to write into a note's properties: values to set and keys to remove. */
export interface PropertyChange {
	set: Record<string, unknown>;
	remove: string[];
}

/** Applies a change to a frontmatter object in place (inside processFrontMatter). */
export function applyPropertyChange(fm: Fm, change: PropertyChange): void {
	for (const key of change.remove) delete fm[key];
	Object.assign(fm, change.set);
}
