/**
 * Graded flashcards with FSRS, one schedule per card.
 *
 * Cards are the `Question::Answer` and `Question:::Answer` lines of concept
 * notes (the Spaced Repetition plugin's syntax); a reversed card is asked both
 * ways. A card's identity is a hash of its note's name and its normalised
 * question, so fixing a typo's case, spacing or punctuation keeps its history.
 *
 * Progress lives in ONE place outside the content notes: a review log note in
 * the practice folder, one line per grade (time, card, grade). Schedules are
 * replayed from the log, like case schedules from practice notes, so the log
 * is the only state, it syncs with any sync like every other note (a Markdown
 * file: Obsidian Sync carries it without "other file types"), and two devices
 * that each add lines merge without losing a review.
 */
import { restoreDatePrototype } from "./datePrototypeGuard";
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card as FsrsCard, type Grade } from "ts-fsrs";
import type { Catalog } from "./catalog";
import { localDate } from "./dates";
import { contentHash } from "./hash";
import { flashcards, splitFrontmatter } from "./markdown";
import { conceptsToKnow, stepScores } from "./progress";
import { PRACTICE_RATINGS, type PracticeRating } from "./schema";
import { frontmatterBlock, type StringifyYaml } from "./yaml";
import { sectionOf, type NoteInput } from "./outline";

restoreDatePrototype();

/** One side of a card to study. */
export interface StudyCard {
	id: string;
	/** Name of the note the card comes from (its concept). */
	note: string;
	/** Path of that note, for rendering links and embeds relative to it. */
	path: string;
	question: string;
	answer: string;
	/** The back-to-front side of a `:::` card. */
	reversed: boolean;
}

export type CardGrade = PracticeRating;
export const CARD_GRADES: readonly CardGrade[] = PRACTICE_RATINGS;
const GRADE: Record<CardGrade, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

/** Lower-case, no emphasis marks, single spaces, no closing punctuation: what "the same question" means. */
export function normalizeCardText(text: string): string {
	return text
		.normalize("NFC")
		.toLowerCase()
		.replace(/[*_~`=]+/g, "")
		.replace(/\s+/g, " ")
		.replace(/[\s?.!:;,]+$/u, "")
		.trim();
}

/** A card's stable id: 12 hex digits of a hash of the note name and the normalised question. */
export function cardId(note: string, question: string, reversed = false): string {
	return contentHash(`${normalizeCardText(note)}\u0000${normalizeCardText(question)}${reversed ? "\u0000reversed" : ""}`).slice(0, 12);
}

/** A note's cards: its "## Flashcards" section, or the whole note when it has none; a `:::` card gives two. */
export function cardsInNote(note: { name: string; path: string }, text: NoteInput): StudyCard[] {
	const body = splitFrontmatter(typeof text === "string" ? text : text.text).body;
	const out: StudyCard[] = [];
	const seen = new Set<string>();
	const add = (c: StudyCard): void => {
		if (seen.has(c.id)) return;
		seen.add(c.id);
		out.push(c);
	};
	for (const f of flashcards(sectionOf(text, "Flashcards") ?? body)) {
		add({ id: cardId(note.name, f.question), note: note.name, path: note.path, question: f.question, answer: f.answer, reversed: false });
		if (f.reversed) add({ id: cardId(note.name, f.question, true), note: note.name, path: note.path, question: f.answer, answer: f.question, reversed: true });
	}
	return out;
}

// ---------------------------------------------------------------- the review log

export const REVIEW_LOG_NOTE = "Flashcard reviews.md";
export const REVIEW_LOG_TAG = "mlsd/flashcard-reviews";
const FENCE = "mlsd-reviews";

export interface CardReview {
	at: Date;
	id: string;
	grade: CardGrade;
}

export interface ReviewLog {
	reviews: CardReview[];
	/** Lines inside the log block that are not a review (a bad edit or a sync conflict), by 1-based line. */
	problems: { line: number; text: string }[];
}

const REVIEW_LINE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z)\s+([0-9a-f]{12})\s+(again|hard|good|easy)\b/;

/** Reads the review lines of a log note; other lines in its block are named as problems, never a crash. */
export function parseReviewLog(text: string): ReviewLog {
	const reviews: CardReview[] = [];
	const problems: ReviewLog["problems"] = [];
	const lines = text.replace(/\r\n?/g, "\n").split("\n");
	let inBlock = false;
	lines.forEach((raw, i) => {
		const line = raw.trim();
		if (/^(`{3,}|~{3,})/.test(line)) {
			inBlock = !inBlock && line.replace(/^[`~]+/, "").trim() === FENCE;
			return;
		}
		const m = REVIEW_LINE.exec(line);
		if (m) {
			const at = new Date(m[1]!);
			if (!Number.isNaN(at.getTime())) {
				reviews.push({ at, id: m[2]!, grade: m[3] as CardGrade });
				return;
			}
		}
		if (inBlock && line !== "") problems.push({ line: i + 1, text: line.slice(0, 80) });
	});
	return { reviews, problems };
}

/** One line of the log; `label` (the note's name) is for people reading the note and is ignored when read back. */
export function reviewLine(r: CardReview, label = ""): string {
	const at = new Date(Math.floor(r.at.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z");
	return `${at} ${r.id} ${r.grade}${label ? `  ${label.replace(/\s+/g, " ").slice(0, 60)}` : ""}`;
}

/** A new, empty log note; `stringifyYaml` writes its properties (Obsidian's in the plugin). */
export function newReviewLog(stringifyYaml: StringifyYaml): string {
	return [
		frontmatterBlock({ tags: [REVIEW_LOG_TAG] }, stringifyYaml).trimEnd(),
		"# Flashcard reviews",
		"",
		"ML System Design Vault keeps your flashcard grades here, one line per review: when, which card, the grade, and the card's note. Each card's schedule is worked out from these lines, so this note is the only place card progress lives, and it syncs like any other note. Deleting a line forgets that review; deleting the note starts every card afresh.",
		"",
		"```" + FENCE,
		"```",
		"",
	].join("\n");
}

/** The log with lines added at the end of its last block (a new block when the note has none). */
export function appendReviews(text: string, lines: readonly string[]): string {
	if (lines.length === 0) return text;
	const all = text.replace(/\r\n?/g, "\n").split("\n");
	let open = -1;
	let close = -1;
	for (let i = 0; i < all.length; i++) {
		const t = all[i]!.trim();
		if (open < 0 && /^(`{3,}|~{3,})/.test(t) && t.replace(/^[`~]+/, "").trim() === FENCE) open = i;
		else if (open >= 0 && /^(`{3,}|~{3,})\s*$/.test(t)) {
			close = i;
			open = -1;
		}
	}
	if (close < 0 || open >= 0) return `${text.replace(/\n*$/, "\n")}\n\`\`\`${FENCE}\n${lines.join("\n")}\n\`\`\`\n`;
	return [...all.slice(0, close), ...lines, ...all.slice(close)].join("\n");
}

// ---------------------------------------------------------------- scheduling

/** Reviews happen at any time of day, so the scheduler keeps FSRS's short-term steps ("again" comes back in minutes). No fuzz: the same log gives the same dates. */
export const CARD_FSRS_PARAMETERS = generatorParameters({ enable_fuzz: false, enable_short_term: true });
const scheduler = fsrs(CARD_FSRS_PARAMETERS);

/** The card after one grade; a card never seen before starts empty at `now`. */
export function gradeCard(state: FsrsCard | undefined, now: Date, grade: CardGrade): FsrsCard {
	const card: FsrsCard = state ?? createEmptyCard(now);
	// A clock that went backwards (a device with the wrong time) is read as "now" at the last review.
	const last = card.last_review;
	const at = last && last > now ? last : now;
	return scheduler.next(card, at, GRADE[grade]).card;
}

const reviewKey = (r: CardReview): string => `${r.at.getTime()} ${r.id} ${r.grade}`;
const byTime = (a: CardReview, b: CardReview): number => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Card states replayed from a log, kept so that a log that only grew is
 * brought up to date by replaying the new lines alone (FSRS takes about
 * 0.1 ms a review; a busy three weeks is thousands of reviews).
 */
export class CardStateIndex {
	readonly states = new Map<string, FsrsCard>();
	private readonly seen = new Set<string>();
	private lastAt = -Infinity;

	/** The index for `reviews`: this one brought up to date when they only add later reviews, else a new one. */
	update(reviews: readonly CardReview[]): CardStateIndex {
		let known = 0;
		const fresh: CardReview[] = [];
		const keys = new Set<string>();
		for (const r of reviews) {
			const k = reviewKey(r);
			if (keys.has(k)) continue;
			keys.add(k);
			if (this.seen.has(k)) known++;
			else fresh.push(r);
		}
		const extends_ = known === this.seen.size && fresh.every((r) => r.at.getTime() >= this.lastAt);
		const target: CardStateIndex = extends_ ? this : new CardStateIndex();
		for (const r of (extends_ ? fresh : reviews.filter((r) => keys.delete(reviewKey(r)))).slice().sort(byTime)) {
			target.seen.add(reviewKey(r));
			target.states.set(r.id, gradeCard(target.states.get(r.id), r.at, r.grade));
			target.lastAt = Math.max(target.lastAt, r.at.getTime());
		}
		return target;
	}
}

/** Every reviewed card's state, replayed from the log in time order (a line repeated by a sync counts once). */
export function cardStates(reviews: readonly CardReview[]): Map<string, FsrsCard> {
	return new CardStateIndex().update(reviews).states;
}

/** "10m", "3h", "4d", "2mo", "1y": how long until a card comes back. */
export function intervalLabel(from: Date, due: Date): string {
	const minutes = Math.max(1, Math.round((due.getTime() - from.getTime()) / 60_000));
	if (minutes < 60) return `${minutes}m`;
	if (minutes < 60 * 24) return `${Math.round(minutes / 60)}h`;
	const days = Math.round(minutes / (60 * 24));
	if (days < 31) return `${days}d`;
	if (days < 365) return `${Math.round(days / 30)}mo`;
	return `${Math.round((days / 365) * 10) / 10}y`;
}

/** What each grade would do to a card now, as interval labels for the grade buttons. */
export function gradePreview(state: FsrsCard | undefined, now: Date): Record<CardGrade, string> {
	const out = {} as Record<CardGrade, string>;
	for (const g of CARD_GRADES) out[g] = intervalLabel(now, gradeCard(state, now, g).due);
	return out;
}

// ---------------------------------------------------------------- what is due

export interface DueOptions {
	now: Date;
	/** Never-reviewed cards a day may introduce. */
	newPerDay: number;
	/** The local calendar day (YYYY-MM-DD) "today" means; defaults to `now`'s. */
	today?: string;
}

export const DEFAULT_NEW_CARDS_PER_DAY = 20;

/** Cards first reviewed on `today` (local calendar day). */
function introducedOn(reviews: readonly CardReview[], today: string): Set<string> {
	const first = new Map<string, Date>();
	for (const r of reviews) {
		const prev = first.get(r.id);
		if (!prev || r.at < prev) first.set(r.id, r.at);
	}
	return new Set([...first].filter(([, at]) => localDate(at) === today).map(([id]) => id));
}

export interface DueCards {
	/** Reviewed cards whose time has come, most overdue first. */
	due: StudyCard[];
	/** Never-reviewed cards within today's allowance, in the order given. */
	fresh: StudyCard[];
	/** Reviewed cards not due yet, soonest first. */
	later: StudyCard[];
}

/** Splits cards into due, new (within the daily allowance) and later. Pure: the same inputs give the same lists. */
export function dueCards(cards: readonly StudyCard[], reviews: readonly CardReview[], opts: DueOptions, states = cardStates(reviews)): DueCards {
	const today = opts.today ?? localDate(opts.now);
	const allowance = Math.max(0, Math.floor(opts.newPerDay) - introducedOn(reviews, today).size);
	const due: { card: StudyCard; at: number }[] = [];
	const later: { card: StudyCard; at: number }[] = [];
	const fresh: StudyCard[] = [];
	const seen = new Set<string>();
	for (const card of cards) {
		if (seen.has(card.id)) continue;
		seen.add(card.id);
		const s = states.get(card.id);
		if (!s) {
			if (fresh.length < allowance) fresh.push(card);
		} else (s.due.getTime() <= opts.now.getTime() ? due : later).push({ card, at: s.due.getTime() });
	}
	const byTime = (a: { at: number }, b: { at: number }): number => a.at - b.at;
	return { due: due.sort(byTime).map((x) => x.card), fresh, later: later.sort(byTime).map((x) => x.card) };
}

/**
 * How many cards a review of everything would show now: the due cards plus
 * today's new ones. For "Today's plan"; pure.
 */
export function dueCardCount(cards: readonly StudyCard[], reviews: readonly CardReview[], opts: DueOptions, states = cardStates(reviews)): number {
	const d = dueCards(cards, reviews, opts, states);
	return d.due.length + d.fresh.length;
}

/**
 * The order of a session. "due": what is due, then today's new cards. "all"
 * (a case's or a weak step's cards): the same, then every other card of the
 * set, soonest first, so a focused session never comes up empty.
 */
export function sessionOrder(cards: readonly StudyCard[], reviews: readonly CardReview[], opts: DueOptions, mode: "due" | "all", states = cardStates(reviews)): StudyCard[] {
	if (mode === "due") {
		const d = dueCards(cards, reviews, opts, states);
		return [...d.due, ...d.fresh];
	}
	const d = dueCards(cards, reviews, { ...opts, newPerDay: Number.MAX_SAFE_INTEGER }, states);
	return [...d.due, ...d.fresh, ...d.later];
}

// ---------------------------------------------------------------- the weakest steps

export interface WeakStep {
	step: number;
	name: string;
	average: number;
	/** Concept notes the step's "## Concepts to know" links. */
	concepts: string[];
}

/**
 * The steps scoring lowest in the practice notes' self-reviews (at most
 * `limit`), each with the concepts its step note lists, for a flashcard
 * session on what went worst. `stepTexts` holds step note texts by path.
 */
export function weakestSteps(catalog: Catalog, stepTexts: ReadonlyMap<string, string>, limit = 3): WeakStep[] {
	const sums = new Map<number, { total: number; count: number }>();
	for (const p of catalog.practice()) {
		for (const [step, score] of stepScores(p)) {
			const s = sums.get(step) ?? { total: 0, count: 0 };
			s.total += score;
			s.count++;
			sums.set(step, s);
		}
	}
	const steps = new Map(catalog.steps().map((s) => [s.step, s]));
	return [...sums]
		.map(([step, s]) => ({ step, average: s.total / s.count }))
		.sort((a, b) => a.average - b.average || a.step - b.step)
		.slice(0, Math.max(0, limit))
		.map(({ step, average }) => {
			const note = steps.get(step);
			const text = note ? stepTexts.get(note.path) : undefined;
			return { step, name: note?.name ?? `Step ${step}`, average: Math.round(average * 100) / 100, concepts: text === undefined ? [] : conceptsToKnow(catalog, text) };
		});
}
