import { readdirSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";
import { createEmptyCard, fsrs, Rating } from "ts-fsrs";
import { Catalog, toRecord } from "../../src/core/catalog";
import {
	appendReviews, CARD_FSRS_PARAMETERS, cardId, CardStateIndex, cardsInNote, cardStates, dueCardCount, dueCards, gradeCard, gradePreview,
	newReviewLog, parseReviewLog, reviewLine, sessionOrder, weakestSteps, type CardReview, type StudyCard,
} from "../../src/core/flashcards";
import { splitFrontmatter } from "../../src/core/markdown";
import { parseFrontmatter } from "../../src/cli/frontmatter";
import { stringifyYaml } from "../../src/cli/frontmatter";

const NOTE = { name: "Calibration", path: "C/Calibration.md" };
const TEXT = [
	"---",
	"tags: [mlsd/concept]",
	"---",
	"Intro::not a card, the note has a Flashcards section",
	"## Flashcards",
	"What is calibration?::Predicted probabilities match observed frequencies. <!--SR:!2026-01-20,3,250-->",
	"ECE:::Expected calibration error",
	"<!--SR:!2026-01-21,4,270!2026-01-22,5,290-->",
	"```python",
	"x = a::b",
	"```",
	"Use `std::vector` here? no card",
	"- Reliability diagram:: plots $\\hat p$ against the observed rate",
	"## See also",
].join("\n");

const card = (id: string, note = "N"): StudyCard => ({ id, note, path: `${note}.md`, question: id, answer: id, reversed: false });
const at = (iso: string): Date => new Date(iso);

describe("cards in a note", () => {
	it("reads Q::A, both sides of Q:::A, never SR comments or code", () => {
		const cards = cardsInNote(NOTE, TEXT);
		expect(cards.map((c) => [c.question, c.answer, c.reversed])).toEqual([
			["What is calibration?", "Predicted probabilities match observed frequencies.", false],
			["ECE", "Expected calibration error", false],
			["Expected calibration error", "ECE", true],
			["Reliability diagram", "plots $\\hat p$ against the observed rate", false],
		]);
		expect(cards.every((c) => c.note === "Calibration" && c.path === "C/Calibration.md")).toBe(true);
		expect(new Set(cards.map((c) => c.id)).size).toBe(4);
	});
	it("keeps a card's id across small edits, and changes it for another question or note", () => {
		const id = cardId("Calibration", "What is calibration?");
		expect(cardId("calibration", "  what is **calibration** ")).toBe(id);
		expect(cardId("Calibration", "What  is calibration")).toBe(id);
		expect(cardId("Calibration", "What is ECE?")).not.toBe(id);
		expect(cardId("Brier score", "What is calibration?")).not.toBe(id);
		expect(cardId("Calibration", "What is calibration?", true)).not.toBe(id);
		expect(id).toMatch(/^[0-9a-f]{12}$/);
	});
	it("an edited answer keeps the card's history; an SR comment added by the Spaced Repetition plugin changes nothing", () => {
		const before = cardsInNote(NOTE, TEXT).map((c) => c.id);
		const edited = TEXT.replace("observed frequencies.", "observed frequencies, per bucket.").replace("<!--SR:!2026-01-20,3,250-->", "<!--SR:!2026-02-01,9,270-->");
		expect(cardsInNote(NOTE, edited).map((c) => c.id)).toEqual(before);
	});
	it("reads the whole note when it has no Flashcards section", () => {
		expect(cardsInNote(NOTE, "Q1::A1\n- Q2::A2\n").map((c) => c.question)).toEqual(["Q1", "Q2"]);
	});
});

describe("the review log", () => {
	const reviews: CardReview[] = [
		{ at: at("2026-01-20T09:00:00Z"), id: "aaaaaaaaaaaa", grade: "good" },
		{ at: at("2026-01-20T09:01:30.400Z"), id: "bbbbbbbbbbbb", grade: "again" },
	];
	it("round-trips through the note, with a label for people that is ignored when read", () => {
		let text = newReviewLog(stringifyYaml);
		text = appendReviews(text, [reviewLine(reviews[0]!, "Calibration")]);
		text = appendReviews(text, [reviewLine(reviews[1]!)]);
		const log = parseReviewLog(text);
		expect(log.problems).toEqual([]);
		expect(log.reviews.map((r) => [r.at.toISOString(), r.id, r.grade])).toEqual([
			["2026-01-20T09:00:00.000Z", "aaaaaaaaaaaa", "good"],
			["2026-01-20T09:01:30.000Z", "bbbbbbbbbbbb", "again"],
		]);
		expect(text).toContain("mlsd/flashcard-reviews");
		expect(text.match(/```mlsd-reviews/g)).toHaveLength(1);
	});
	it("names lines in its block that are not reviews, and reads the rest", () => {
		const text = appendReviews(newReviewLog(stringifyYaml), ["2026-01-20T09:00:00Z aaaaaaaaaaaa good", "<<<<<<< conflict", "2026-13-45T09:00:00Z cccccccccccc good"]);
		const log = parseReviewLog(text);
		expect(log.reviews).toHaveLength(1);
		expect(log.problems.map((p) => p.text)).toEqual(["<<<<<<< conflict", "2026-13-45T09:00:00Z cccccccccccc good"]);
		expect(log.problems[0]!.line).toBeGreaterThan(5);
	});
	it("appends a new block when the user removed it", () => {
		const text = appendReviews("# My log\n", ["2026-01-20T09:00:00Z aaaaaaaaaaaa easy"]);
		expect(parseReviewLog(text).reviews).toHaveLength(1);
	});
});

describe("scheduling", () => {
	it("replays the log exactly as ts-fsrs does on the same grades, in time order, counting a synced duplicate once", () => {
		const log: CardReview[] = [
			{ at: at("2026-01-25T08:00:00Z"), id: "aaaaaaaaaaaa", grade: "hard" },
			{ at: at("2026-01-20T08:00:00Z"), id: "aaaaaaaaaaaa", grade: "good" },
			{ at: at("2026-01-20T08:00:00Z"), id: "aaaaaaaaaaaa", grade: "good" },
		];
		const f = fsrs(CARD_FSRS_PARAMETERS);
		let expected = createEmptyCard(at("2026-01-20T08:00:00Z"));
		expected = f.next(expected, at("2026-01-20T08:00:00Z"), Rating.Good).card;
		expected = f.next(expected, at("2026-01-25T08:00:00Z"), Rating.Hard).card;
		expect(cardStates(log).get("aaaaaaaaaaaa")).toEqual(expected);
	});
	it("brings an 'again' back within minutes and a 'good' on a new card later; previews say so", () => {
		const now = at("2026-01-20T08:00:00Z");
		expect(gradeCard(undefined, now, "again").due.getTime() - now.getTime()).toBeLessThanOrEqual(10 * 60_000);
		const p = gradePreview(undefined, now);
		expect(p.again).toMatch(/^\d+m$/);
		expect(Object.keys(p)).toEqual(["again", "hard", "good", "easy"]);
		const good = gradeCard(gradeCard(undefined, now, "good"), new Date(now.getTime() + 15 * 60_000), "good");
		expect(good.due.getTime() - now.getTime()).toBeGreaterThan(12 * 3_600_000);
	});
	it("ignores a clock that went backwards", () => {
		const s = gradeCard(undefined, at("2026-01-20T08:00:00Z"), "good");
		expect(() => gradeCard(s, at("2020-01-01T00:00:00Z"), "good")).not.toThrow();
	});
});

describe("what is due", () => {
	const cards = ["aaaaaaaaaaaa", "bbbbbbbbbbbb", "cccccccccccc", "dddddddddddd"].map((id) => card(id));
	const reviews: CardReview[] = [
		{ at: at("2026-01-10T08:00:00Z"), id: "aaaaaaaaaaaa", grade: "good" },
		{ at: at("2026-01-19T08:00:00Z"), id: "bbbbbbbbbbbb", grade: "easy" },
	];
	const now = at("2026-01-20T12:00:00Z");
	it("counts due reviews plus today's allowance of new cards", () => {
		const d = dueCards(cards, reviews, { now, newPerDay: 1, today: "2026-01-20" });
		expect(d.due.map((c) => c.id)).toEqual(["aaaaaaaaaaaa"]);
		expect(d.later.map((c) => c.id)).toEqual(["bbbbbbbbbbbb"]);
		expect(d.fresh.map((c) => c.id)).toEqual(["cccccccccccc"]);
		expect(dueCardCount(cards, reviews, { now, newPerDay: 1, today: "2026-01-20" })).toBe(2);
		expect(dueCardCount(cards, reviews, { now, newPerDay: 20, today: "2026-01-20" })).toBe(3);
		expect(dueCardCount(cards, reviews, { now, newPerDay: 0, today: "2026-01-20" })).toBe(1);
	});
	it("a new card graded today uses up the day's allowance", () => {
		const more = [...reviews, { at: at("2026-01-20T09:00:00Z"), id: "cccccccccccc", grade: "good" as const }];
		expect(dueCards(cards, more, { now, newPerDay: 1, today: "2026-01-20" }).fresh).toEqual([]);
	});
	it("a focused session shows every card: due, then new, then the rest", () => {
		expect(sessionOrder(cards, reviews, { now, newPerDay: 0, today: "2026-01-20" }, "all").map((c) => c.id)).toEqual(["aaaaaaaaaaaa", "cccccccccccc", "dddddddddddd", "bbbbbbbbbbbb"]);
		expect(sessionOrder(cards, reviews, { now, newPerDay: 0, today: "2026-01-20" }, "due").map((c) => c.id)).toEqual(["aaaaaaaaaaaa"]);
	});
});

describe("weakest steps", () => {
	const ROOT = "tests/fixtures/practice-vault";
	const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
	it("names the lowest-scoring steps with the concepts their notes list", () => {
		const texts = new Map<string, string>();
		const results = walk(ROOT).filter((p) => p.endsWith(".md")).map((p) => {
			const rel = relative(ROOT, p);
			const text = readFileSync(p, "utf8");
			texts.set(rel, text);
			const parsed = parseFrontmatter(text);
			return "data" in parsed ? toRecord(rel, parsed.data, "personal") : null;
		});
		const weak = weakestSteps(Catalog.from(results), texts);
		expect(weak.length).toBeGreaterThan(0);
		expect(weak.length).toBeLessThanOrEqual(3);
		for (let i = 1; i < weak.length; i++) expect(weak[i]!.average).toBeGreaterThanOrEqual(weak[i - 1]!.average);
		expect(weak.flatMap((w) => w.concepts).length).toBeGreaterThan(0);
		expect(splitFrontmatter(texts.get(`Framework/${weak[0]!.name}.md`) ?? "").body).toContain("Concepts to know");
	});
});

describe("the state index", () => {
	const r = (iso: string, id: string, grade: CardReview["grade"]): CardReview => ({ at: at(iso), id, grade });
	const base = [r("2026-01-20T08:00:00Z", "aaaaaaaaaaaa", "good"), r("2026-01-20T09:00:00Z", "bbbbbbbbbbbb", "again")];
	it("replays only new lines when the log grew, and equals a full replay", () => {
		const index = new CardStateIndex().update(base);
		const grown = [...base, r("2026-01-23T08:00:00Z", "aaaaaaaaaaaa", "hard")];
		const next = index.update(grown);
		expect(next).toBe(index);
		expect(next.states).toEqual(cardStates(grown));
	});
	it("starts over when a line was deleted or an older one appeared (a sync from another device)", () => {
		const index = new CardStateIndex().update(base);
		expect(index.update(base.slice(1))).not.toBe(index);
		expect(index.update(base.slice(1)).states).toEqual(cardStates(base.slice(1)));
		const older = [r("2026-01-19T08:00:00Z", "aaaaaaaaaaaa", "easy"), ...base];
		const rebuilt = index.update(older);
		expect(rebuilt).not.toBe(index);
		expect(rebuilt.states).toEqual(cardStates(older));
	});
});
