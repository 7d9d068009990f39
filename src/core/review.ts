/**
 * Spaced practice of whole case studies with FSRS (ts-fsrs). Nothing is stored
 * besides the notes: a case's card is rebuilt by replaying the ratings of its
 * practice notes (properties `case`, `date`, `rating`) in date order, so
 * editing or deleting a practice note changes the schedule, as it should.
 *
 * Reviews happen at day granularity (a note has a date, not a time), so the
 * scheduler runs without short-term learning steps and without fuzz: every
 * interval is a whole number of days and the same notes give the same dates.
 */
import { restoreDatePrototype } from "./datePrototypeGuard";
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from "ts-fsrs";
import type { CaseRecord, Catalog, PracticeRecord } from "./catalog";
import { daysBetween } from "./prompt";
import { pick, type Rng } from "./rng";
import { PRACTICE_RATINGS, type PracticeRating } from "./schema";
import { DIFFICULTIES } from "./types";

restoreDatePrototype();

/** The scheduler's parameters; exported so tests can build the same scheduler directly. */
export const FSRS_PARAMETERS = generatorParameters({ enable_fuzz: false, enable_short_term: false });
const scheduler = fsrs(FSRS_PARAMETERS);

export const GRADES: Record<PracticeRating, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

export interface PracticeReview {
	path: string;
	caseName: string;
	date: string;
	rating: PracticeRating;
}

export interface CaseSchedule {
	caseName: string;
	card: Card;
	/** YYYY-MM-DD */
	due: string;
	reviews: number;
	lastReview: string;
}

/** A calendar date as the instant FSRS sees (midnight UTC), so results do not depend on the time zone. */
export function dayStart(date: string): Date {
	return new Date(`${date}T00:00:00Z`);
}

export function isoDay(d: Date): string {
	return d.toISOString().slice(0, 10);
}

const key = (name: string): string => name.trim().toLowerCase();

export function ratingOf(p: PracticeRecord): PracticeRating | null {
	const r = p.properties.rating;
	return typeof r === "string" && (PRACTICE_RATINGS as readonly string[]).includes(r) ? (r as PracticeRating) : null;
}

const byDateThenPath = (a: { date: string; path: string }, b: { date: string; path: string }): number =>
	a.date < b.date ? -1 : a.date > b.date ? 1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0;

/** Every rated practice note, oldest first (ties by path, so the order is stable). */
export function ratedReviews(catalog: Catalog): PracticeReview[] {
	const out: PracticeReview[] = [];
	for (const p of catalog.practice()) {
		const rating = ratingOf(p);
		if (rating) out.push({ path: p.path, caseName: p.caseName, date: p.date, rating });
	}
	return out.sort(byDateThenPath);
}

/** The card after replaying ratings in the order given. */
export function replayCard(reviews: readonly { date: string; rating: PracticeRating }[]): Card {
	let card = createEmptyCard(dayStart(reviews[0]?.date ?? "1970-01-01"));
	for (const r of reviews) card = scheduler.next(card, dayStart(r.date), GRADES[r.rating]).card;
	return card;
}

function groupByCase(reviews: readonly PracticeReview[]): Map<string, PracticeReview[]> {
	const out = new Map<string, PracticeReview[]>();
	for (const r of reviews) {
		const list = out.get(key(r.caseName)) ?? [];
		list.push(r);
		out.set(key(r.caseName), list);
	}
	return out;
}

function scheduleOf(reviews: PracticeReview[]): CaseSchedule {
	const card = replayCard(reviews);
	const last = reviews[reviews.length - 1]!;
	return { caseName: last.caseName, card, due: isoDay(card.due), reviews: reviews.length, lastReview: last.date };
}

/** Each rated case's schedule, keyed by lower-case case name. */
export function caseSchedules(catalog: Catalog): Map<string, CaseSchedule> {
	const out = new Map<string, CaseSchedule>();
	for (const [k, list] of groupByCase(ratedReviews(catalog))) out.set(k, scheduleOf(list));
	return out;
}

/** The due date a rating gives, replayed with the case's other rated notes (the note itself is replaced). */
export function dueAfter(catalog: Catalog, review: PracticeReview): string {
	const others = ratedReviews(catalog).filter((r) => key(r.caseName) === key(review.caseName) && r.path !== review.path);
	return scheduleOf([...others, review].sort(byDateThenPath)).due;
}

/** Cases (lower-case names) first practised on `day`: a practice note dated that day and none earlier. */
export function introducedOn(catalog: Catalog, day: string): Set<string> {
	const first = new Map<string, string>();
	for (const p of catalog.practice()) {
		const k = key(p.caseName);
		const prev = first.get(k);
		if (prev === undefined || p.date < prev) first.set(k, p.date);
	}
	return new Set([...first].filter(([, d]) => d === day).map(([k]) => k));
}

export type NextDue =
	| { kind: "due"; case: CaseRecord; due: string; overdueDays: number }
	| { kind: "new"; case: CaseRecord; newToday: number }
	| { kind: "none"; message: string };

function practisedOn(catalog: Catalog, day: string): Set<string> {
	return new Set(catalog.practice().filter((p) => p.date === day).map((p) => key(p.caseName)));
}

function mostOverdue(cases: readonly CaseRecord[], schedules: Map<string, CaseSchedule>, today: string, skip: Set<string>): NextDue | null {
	let best: { case: CaseRecord; due: string; overdueDays: number } | null = null;
	for (const c of cases) {
		const s = schedules.get(key(c.name));
		if (!s || s.due > today || skip.has(key(c.name))) continue;
		const overdueDays = daysBetween(s.due, today);
		if (!best || overdueDays > best.overdueDays) best = { case: c, due: s.due, overdueDays };
	}
	return best ? { kind: "due", ...best } : null;
}

/** Never-rated cases not started today, easiest difficulty first; a random one of those with an RNG, else the first by name. */
function newCase(cases: readonly CaseRecord[], schedules: Map<string, CaseSchedule>, skip: Set<string>, rng?: Rng): CaseRecord | null {
	const fresh = cases.filter((c) => !schedules.has(key(c.name)) && !skip.has(key(c.name)));
	if (fresh.length === 0) return null;
	const easiest = Math.min(...fresh.map((c) => DIFFICULTIES.indexOf(c.difficulty)));
	const tier = fresh.filter((c) => DIFFICULTIES.indexOf(c.difficulty) === easiest);
	return rng ? pick(tier, rng) : tier[0]!;
}

function nothingDue(schedules: Map<string, CaseSchedule>, limitReached: boolean, newPerDay: number): string {
	const next = [...schedules.values()].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))[0];
	const parts = ["Nothing is due for review today."];
	if (limitReached) parts.push(`Today's new case${newPerDay === 1 ? " is" : "s are"} already introduced (${newPerDay} a day).`);
	else parts.push("Every case study has been practised.");
	if (next) parts.push(`Next review: ${next.caseName} on ${next.due}.`);
	return parts.join(" ");
}

/**
 * The case to practise today: the most overdue rated case (not already
 * practised today); when none is due, a never-rated case, at most `newPerDay`
 * new cases a day (counted as cases whose first practice note is dated today).
 */
export function nextDueCase(catalog: Catalog, today: string, newPerDay: number, rng?: Rng): NextDue {
	const cases = catalog.cases().filter((c) => c.prompts.length > 0);
	if (cases.length === 0) return { kind: "none", message: "There are no case studies with prompts yet. Install the notes or add a case study with a \"prompts\" list." };
	const schedules = caseSchedules(catalog);
	const doneToday = practisedOn(catalog, today);
	const due = mostOverdue(cases, schedules, today, doneToday);
	if (due) return due;
	const newToday = introducedOn(catalog, today).size;
	const limitReached = newToday >= newPerDay;
	const fresh = limitReached ? null : newCase(cases, schedules, doneToday, rng);
	if (fresh) return { kind: "new", case: fresh, newToday };
	return { kind: "none", message: nothingDue(schedules, limitReached, newPerDay) };
}
