/**
 * Today's plan, to the interview date: the mock to run, the cases due, the
 * new cases to introduce, the flashcards due and the days left, plus the
 * schedule from today to the day before the interview, forecast as if every
 * session were rated Good. Shared by the "Today's plan" command and
 * `mlsd plan`; computed from practice notes only.
 */
import type { Catalog } from "./catalog";
import { daysBetween } from "./prompt";
import type { Card } from "ts-fsrs";
import {
	addDays, capDue, caseSchedules, dueCases, emptyCard, introducedOn, introductionOrder, isAnchor, isoDay, NO_PLAN, nextCard, practisedOn, queueCases,
	ratedReviews, type CaseSchedule, type InterviewPlan,
} from "./review";

/** How far the schedule looks ahead without an interview date, and at most with one. */
export const DEFAULT_HORIZON_DAYS = 14;
export const MAX_HORIZON_DAYS = 60;

export interface PlanInput {
	/** YYYY-MM-DD */
	today: string;
	plan: InterviewPlan;
	newPerDay: number;
	/** The prompt filter's domain, when set: the queue keeps to it. */
	domain?: string | null;
	/** Flashcards due today, when the caller knows; null leaves them out. */
	cardsDue?: number | null;
}

export type TodayKind = "set-date" | "mock" | "review" | "new" | "cards" | "rest";

export interface TodayItem {
	kind: TodayKind;
	/** The case this item is about, if any. */
	case: string | null;
	text: string;
}

export interface PlanDay {
	date: string;
	/** Cases coming back that day. */
	reviews: string[];
	/** Cases practised for the first time that day. */
	newCases: string[];
}

export interface AnchorStatus {
	case: string;
	/** Whether a case study of that name exists. */
	found: boolean;
	/** Rated sessions so far. */
	sessions: number;
	/** Sessions the schedule plans before the interview. */
	planned: number;
}

export interface StudyPlan {
	date: string;
	interviewDate: string | null;
	/** Days from today to the interview; null without a date, negative once it has passed. */
	daysLeft: number | null;
	domain: string | null;
	mock: { case: string; path: string; kind: "due" | "new"; reason: string } | null;
	due: { case: string; due: string; overdueDays: number }[];
	newCases: { case: string; reason: string }[];
	cardsDue: number | null;
	/** What to do today, in order. Never empty. */
	today: TodayItem[];
	schedule: PlanDay[];
	anchors: AnchorStatus[];
	/** Things the user should know about their plan (an anchor that does not exist, a date in the past). */
	notes: string[];
}

const key = (s: string): string => s.trim().toLowerCase();

function plural(n: number, word: string): string {
	return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function dueText(overdueDays: number): string {
	return overdueDays === 0 ? "due today" : `${plural(overdueDays, "day")} overdue`;
}

/** The last day the schedule covers: the day before the interview, or the horizon. */
function lastDay(today: string, interviewDate: string | null): string | null {
	if (!interviewDate) return addDays(today, DEFAULT_HORIZON_DAYS - 1);
	const left = daysBetween(today, interviewDate);
	if (left <= 0) return null;
	return addDays(today, Math.min(left, MAX_HORIZON_DAYS) - 1);
}

interface SimCase {
	caseName: string;
	/** null until the first simulated review of a new case. */
	card: Card | null;
	due: string;
}

/** The days from today to the last day, each with its reviews and introductions, as if every session went Good. */
function forecast(catalog: Catalog, input: PlanInput, plan: InterviewPlan, schedules: Map<string, CaseSchedule>): PlanDay[] {
	const end = lastDay(input.today, plan.interviewDate);
	if (end === null) return [];
	const cases = queueCases(catalog, input.domain);
	const inScope = new Set(cases.map((c) => key(c.name)));
	const sim = new Map<string, SimCase>();
	for (const [k, s] of schedules) if (inScope.has(k)) sim.set(k, { caseName: s.caseName, card: s.card, due: s.due });
	const doneToday = practisedOn(catalog, input.today);
	const queue = introductionOrder(cases, new Set([...sim.keys(), ...doneToday]), plan);
	const introducedToday = introducedOn(catalog, input.today).size;
	const days: PlanDay[] = [];
	for (let d = input.today; d <= end; d = addDays(d, 1)) {
		const day: PlanDay = { date: d, reviews: [], newCases: [] };
		const review = (s: SimCase): void => {
			s.card = nextCard(s.card ?? emptyCard(d), d, "good");
			s.due = capDue(d, isoDay(s.card.due), plan, isAnchor(plan, s.caseName), s.caseName);
		};
		for (const s of [...sim.values()].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.caseName.localeCompare(b.caseName)))) {
			if (s.due > d || (d === input.today && doneToday.has(key(s.caseName)))) continue;
			day.reviews.push(s.caseName);
			review(s);
		}
		const slots = Math.max(0, input.newPerDay - (d === input.today ? introducedToday : 0));
		for (const intro of queue.splice(0, slots)) {
			const s: SimCase = { caseName: intro.case.name, card: null, due: "" };
			sim.set(key(s.caseName), s);
			day.newCases.push(s.caseName);
			review(s);
		}
		days.push(day);
	}
	return days;
}

function anchorStatus(catalog: Catalog, plan: InterviewPlan, schedule: readonly PlanDay[]): AnchorStatus[] {
	const rated = ratedReviews(catalog);
	return plan.anchors.map((a) => {
		const found = catalog.caseByName(a);
		const name = found?.name ?? a;
		const planned = schedule.filter((d) => [...d.reviews, ...d.newCases].some((c) => key(c) === key(a))).length;
		return { case: name, found: found !== undefined, sessions: rated.filter((r) => key(r.caseName) === key(a)).length, planned };
	});
}

function todayItems(p: Omit<StudyPlan, "today">, messageWhenIdle: string): TodayItem[] {
	const items: TodayItem[] = [];
	if (p.interviewDate === null) items.push({ kind: "set-date", case: null, text: "Set your interview date (\"Set interview date\"), so every case you practise comes back before it." });
	if (p.mock) {
		const why = p.mock.kind === "due" ? p.mock.reason : `new: ${p.mock.reason}`;
		items.push({ kind: "mock", case: p.mock.case, text: `Run a mock interview of ${p.mock.case} (${why}).` });
	}
	for (const d of p.due) if (d.case !== p.mock?.case) items.push({ kind: "review", case: d.case, text: `Review ${d.case} (${dueText(d.overdueDays)}).` });
	for (const n of p.newCases) if (n.case !== p.mock?.case) items.push({ kind: "new", case: n.case, text: `Start ${n.case} (${n.reason}).` });
	if (p.cardsDue !== null && p.cardsDue > 0) items.push({ kind: "cards", case: null, text: `Review ${plural(p.cardsDue, "flashcard")} due today.` });
	if (items.every((i) => i.kind === "set-date")) items.push({ kind: "rest", case: null, text: messageWhenIdle });
	return items;
}

export function todaysPlan(catalog: Catalog, input: PlanInput): StudyPlan {
	const plan = input.plan ?? NO_PLAN;
	const { today } = input;
	const notes: string[] = [];
	const daysLeft = plan.interviewDate ? daysBetween(today, plan.interviewDate) : null;
	if (daysLeft !== null && daysLeft < 0) notes.push(`The interview date (${plan.interviewDate!}) has passed; set the next one with "Set interview date".`);
	if (daysLeft !== null && daysLeft > MAX_HORIZON_DAYS) notes.push(`The schedule shows the next ${MAX_HORIZON_DAYS} days of the ${daysLeft} left.`);
	const cases = queueCases(catalog, input.domain);
	for (const a of plan.anchors) {
		const c = catalog.caseByName(a);
		if (!c) notes.push(`The anchor case "${a}" is not a case study in this vault; check its name.`);
		else if (input.domain && key(c.domain) !== key(input.domain)) notes.push(`The anchor case "${c.name}" is outside the domain filter "${input.domain}", so it is not scheduled while the filter is on.`);
	}
	for (const d of plan.targetDomains) {
		if (!catalog.cases().some((c) => key(c.domain) === key(d))) notes.push(`No case study has the target domain "${d}".`);
	}
	const schedules = caseSchedules(catalog, plan);
	const doneToday = practisedOn(catalog, today);
	const due = dueCases(cases, schedules, today, doneToday);
	const newToday = introducedOn(catalog, today).size;
	const slots = Math.max(0, input.newPerDay - newToday);
	const fresh = introductionOrder(cases, new Set([...schedules.keys(), ...doneToday]), plan).slice(0, slots);
	const first = due[0];
	const mock = first
		? { case: first.case.name, path: first.case.path, kind: "due" as const, reason: dueText(first.overdueDays) }
		: fresh[0] ? { case: fresh[0].case.name, path: fresh[0].case.path, kind: "new" as const, reason: fresh[0].reason } : null;
	const schedule = forecast(catalog, input, plan, schedules);
	const base: Omit<StudyPlan, "today"> = {
		date: today,
		interviewDate: plan.interviewDate,
		daysLeft,
		domain: input.domain ?? null,
		mock,
		due: due.map((d) => ({ case: d.case.name, due: d.due, overdueDays: d.overdueDays })),
		newCases: fresh.map((f) => ({ case: f.case.name, reason: f.reason })),
		cardsDue: input.cardsDue ?? null,
		schedule,
		anchors: anchorStatus(catalog, plan, schedule),
		notes,
	};
	const next = schedule.find((d) => d.date > today && (d.reviews.length > 0 || d.newCases.length > 0));
	const idle = cases.length === 0
		? "There are no case studies with prompts to practise yet. Install the notes or write a case study."
		: `Nothing is due today${newToday >= input.newPerDay && input.newPerDay > 0 ? ", and today's new case is started" : ""}.${next ? ` Next: ${[...next.reviews, ...next.newCases].join(", ")} on ${next.date}.` : ""} A partial drill of your weakest step is a good use of the time.`;
	return { ...base, today: todayItems(base, idle) };
}

/** The plan as Markdown-free text lines, for the CLI. */
export function planText(p: StudyPlan): string {
	const lines: string[] = [];
	lines.push(p.interviewDate
		? `Interview on ${p.interviewDate}: ${p.daysLeft !== null && p.daysLeft >= 0 ? `${plural(p.daysLeft, "day")} left` : "passed"}.`
		: "No interview date set.");
	if (p.domain) lines.push(`Domain filter: ${p.domain}.`);
	lines.push("", "Today:");
	for (const i of p.today) lines.push(`  - ${i.text}`);
	for (const n of p.notes) lines.push(`  ! ${n}`);
	if (p.anchors.length > 0) {
		lines.push("", "Anchor cases:");
		for (const a of p.anchors) lines.push(`  - ${a.case}: ${plural(a.sessions, "session")} so far, ${a.planned} planned${p.interviewDate ? " before the interview" : ""}${a.found ? "" : " (not found)"}`);
	}
	const busy = p.schedule.filter((d) => d.reviews.length > 0 || d.newCases.length > 0);
	if (busy.length > 0) {
		lines.push("", `Schedule (if every session goes Good):`);
		for (const d of busy) {
			const parts = [...d.reviews.map((c) => `review ${c}`), ...d.newCases.map((c) => `new ${c}`)];
			lines.push(`  ${d.date}  ${parts.join("; ")}`);
		}
	}
	return lines.join("\n");
}
