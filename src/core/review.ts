/**
 * Spaced practice of whole case studies with FSRS (ts-fsrs). Nothing is stored
 * besides the notes: a case's card is rebuilt by replaying the ratings of its
 * practice notes (properties `case`, `date`, `rating`) in date order, so
 * editing or deleting a practice note changes the schedule, as it should.
 *
 * Reviews happen at day granularity (a note has a date, not a time), so the
 * scheduler runs without short-term learning steps and without fuzz: every
 * interval is a whole number of days and the same notes give the same dates.
 *
 * With an interview date, no interval jumps past it: every practised case
 * comes back in the final days before the date, and an anchor case comes
 * back after at most half the time left, so it is practised at least twice more.
 */
import { restoreDatePrototype } from "./datePrototypeGuard";
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from "ts-fsrs";
import type { CaseRecord, Catalog, PracticeRecord } from "./catalog";
import { daysBetween } from "./prompt";
import { sessionRating, type PracticeRating } from "./session";

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
	return sessionRating(p.properties);
}

/** What the schedule knows of the user's interview: the date, the domains they target and their anchor cases. */
export interface InterviewPlan {
	/** YYYY-MM-DD, or null when not set. */
	interviewDate: string | null;
	targetDomains: readonly string[];
	/** Case names, in the user's order. */
	anchors: readonly string[];
}

export const NO_PLAN: InterviewPlan = { interviewDate: null, targetDomains: [], anchors: [] };

export function addDays(date: string, days: number): string {
	return isoDay(new Date(dayStart(date).getTime() + days * 86_400_000));
}

export function isAnchor(plan: InterviewPlan, caseName: string): boolean {
	return plan.anchors.some((a) => key(a) === key(caseName));
}

/** Reviews in the last days before the interview are the final pass: such a case is not brought back again. */
export const FINAL_DAYS = 4;

/** A small stable number from a name, to spread final reviews over the last days instead of piling them on one. */
function spread(name: string, range: number): number {
	let h = 0;
	for (const ch of key(name)) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
	return range > 0 ? h % range : 0;
}

/**
 * The due date with the interview date respected. While more than
 * FINAL_DAYS remain after a review, no interval jumps past the date: a case
 * comes back in the final days (spread over them by name, so they do not all
 * land on the eve), and an anchor comes back after at most half the time
 * left, so it is practised at least twice more. A review inside the final
 * days is the last pass; after the interview, FSRS decides alone.
 */
export function capDue(lastReview: string, due: string, plan: InterviewPlan, anchor: boolean, caseName = ""): string {
	if (!plan.interviewDate) return due;
	const left = daysBetween(lastReview, plan.interviewDate);
	if (left <= FINAL_DAYS) return due;
	const limit = anchor ? Math.floor(left / 2) : left - 1 - spread(caseName, FINAL_DAYS);
	const cap = addDays(lastReview, limit);
	return cap < due ? cap : due;
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

/** A new card, first seen on a date. */
export function emptyCard(date: string): Card {
	return createEmptyCard(dayStart(date));
}

/** The card after one more rating (for forecasts that add reviews one at a time). */
export function nextCard(card: Card, date: string, rating: PracticeRating): Card {
	return scheduler.next(card, dayStart(date), GRADES[rating]).card;
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

export function scheduleOf(reviews: readonly { caseName: string; date: string; rating: PracticeRating }[], plan: InterviewPlan = NO_PLAN): CaseSchedule {
	const card = replayCard(reviews);
	const last = reviews[reviews.length - 1]!;
	const due = capDue(last.date, isoDay(card.due), plan, isAnchor(plan, last.caseName), last.caseName);
	return { caseName: last.caseName, card, due, reviews: reviews.length, lastReview: last.date };
}

/** Each rated case's schedule, keyed by lower-case case name. */
export function caseSchedules(catalog: Catalog, plan: InterviewPlan = NO_PLAN): Map<string, CaseSchedule> {
	const out = new Map<string, CaseSchedule>();
	for (const [k, list] of groupByCase(ratedReviews(catalog))) out.set(k, scheduleOf(list, plan));
	return out;
}

/** The due date a rating gives, replayed with the case's other rated notes (the note itself is replaced). */
export function dueAfter(catalog: Catalog, review: PracticeReview, plan: InterviewPlan = NO_PLAN): string {
	const others = ratedReviews(catalog).filter((r) => key(r.caseName) === key(review.caseName) && r.path !== review.path);
	return scheduleOf([...others, review].sort(byDateThenPath), plan).due;
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
	| { kind: "new"; case: CaseRecord; newToday: number; reason: string }
	| { kind: "none"; message: string };

export interface QueueOptions {
	/** How many never-practised cases may be introduced in a day. */
	newPerDay: number;
	plan?: InterviewPlan;
	/** The prompt filter's domain: when set, only cases of that domain are queued. */
	domain?: string | null;
}

export function practisedOn(catalog: Catalog, day: string): Set<string> {
	return new Set(catalog.practice().filter((p) => p.date === day).map((p) => key(p.caseName)));
}

/** The cases the queue works on: every case with prompts, or only the filter's domain. */
export function queueCases(catalog: Catalog, domain: string | null | undefined): CaseRecord[] {
	const all = catalog.cases().filter((c) => c.prompts.length > 0);
	return domain ? all.filter((c) => key(c.domain) === key(domain)) : all;
}

/** Rated cases due by `today` (not already practised today), most overdue first. */
export function dueCases(cases: readonly CaseRecord[], schedules: Map<string, CaseSchedule>, today: string, skip: Set<string>): { case: CaseRecord; due: string; overdueDays: number }[] {
	const out: { case: CaseRecord; due: string; overdueDays: number }[] = [];
	for (const c of cases) {
		const s = schedules.get(key(c.name));
		if (!s || s.due > today || skip.has(key(c.name))) continue;
		out.push({ case: c, due: s.due, overdueDays: daysBetween(s.due, today) });
	}
	return out.sort((a, b) => b.overdueDays - a.overdueDays || a.case.name.localeCompare(b.case.name));
}

export interface Introduction {
	case: CaseRecord;
	reason: string;
}

/**
 * The order never-practised cases are introduced in: the anchors first (in
 * the user's order), then the target domains taking turns, then every other
 * domain taking turns. Difficulty plays no part; within a domain, by name.
 */
export function introductionOrder(cases: readonly CaseRecord[], practised: ReadonlySet<string>, plan: InterviewPlan): Introduction[] {
	const fresh = cases.filter((c) => !practised.has(key(c.name)));
	const out: Introduction[] = [];
	const taken = new Set<string>();
	for (const a of plan.anchors) {
		const c = fresh.find((x) => key(x.name) === key(a));
		if (c && !taken.has(key(c.name))) {
			out.push({ case: c, reason: "one of your anchor cases" });
			taken.add(key(c.name));
		}
	}
	const targets = plan.targetDomains.map(key);
	const roundRobin = (domains: string[], reason: (d: string) => string): void => {
		const queues = domains.map((d) => fresh.filter((c) => key(c.domain) === d && !taken.has(key(c.name))));
		for (let i = 0; queues.some((q) => i < q.length); i++) {
			queues.forEach((q, j) => {
				const c = q[i];
				if (c) {
					out.push({ case: c, reason: reason(domains[j]!) });
					taken.add(key(c.name));
				}
			});
		}
	};
	roundRobin(targets, (d) => `a case from ${d}, one of your target domains`);
	const others = [...new Set(fresh.map((c) => key(c.domain)))].filter((d) => !targets.includes(d)).sort();
	roundRobin(others, (d) => `a case from ${d}`);
	return out;
}

function nothingDue(schedules: Map<string, CaseSchedule>, limitReached: boolean, newPerDay: number, domain: string | null | undefined): string {
	const next = [...schedules.values()].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))[0];
	const parts = ["Nothing is due for review today."];
	if (limitReached) parts.push(`Today's new case${newPerDay === 1 ? " is" : "s are"} already introduced (${newPerDay} a day).`);
	else parts.push(domain ? `Every ${domain} case has been practised.` : "Every case study has been practised.");
	if (next) parts.push(`Next review: ${next.caseName} on ${next.due}.`);
	return parts.join(" ");
}

/**
 * The case to practise today: the most overdue rated case (not already
 * practised today); when none is due, the next case to introduce (anchors,
 * then target domains), at most `newPerDay` new cases a day (counted as
 * cases whose first practice note is dated today). With a domain filter,
 * both come from that domain only.
 */
export function nextDueCase(catalog: Catalog, today: string, options: QueueOptions): NextDue {
	const plan = options.plan ?? NO_PLAN;
	const cases = queueCases(catalog, options.domain);
	if (cases.length === 0) {
		return { kind: "none", message: options.domain
			? `There are no case studies with prompts in the domain "${options.domain}". Change the domain filter in "Draw a random interview prompt".`
			: "There are no case studies with prompts yet. Install the notes or add a case study with a \"prompts\" list." };
	}
	const schedules = caseSchedules(catalog, plan);
	const doneToday = practisedOn(catalog, today);
	const due = dueCases(cases, schedules, today, doneToday)[0];
	if (due) return { kind: "due", ...due };
	const newToday = introducedOn(catalog, today).size;
	const limitReached = newToday >= options.newPerDay;
	// A case counts as introduced once it is rated; one started today is not offered again today.
	const practised = new Set([...schedules.keys(), ...doneToday]);
	const fresh = limitReached ? undefined : introductionOrder(cases, practised, plan)[0];
	if (fresh) return { kind: "new", case: fresh.case, newToday, reason: fresh.reason };
	return { kind: "none", message: nothingDue(schedules, limitReached, options.newPerDay, options.domain) };
}
