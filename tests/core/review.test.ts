import { Catalog, toRecord, type RecordResult } from "../../src/core/catalog";
import { caseSchedules, dueAfter, introducedOn, nextDueCase, ratedReviews } from "../../src/core/review";
import { seededRng } from "../../src/core/rng";
// ts-fsrs used directly, with parameters written out here rather than imported, to check review.ts against it.
import { createEmptyCard, fsrs, generatorParameters, Rating, type Grade } from "ts-fsrs";

const caseNote = (name: string, difficulty: "easy" | "medium" | "hard"): RecordResult =>
	toRecord(`Cases/${name}.md`, { tags: ["mlsd/case-study"], domain: "recsys", difficulty, prompts: [`Design ${name}.`] }, "shipped");
const practice = (file: string, caseName: string, date: string, rating?: string | null): RecordResult =>
	toRecord(`Practice/${file}.md`, { tags: ["mlsd/practice"], case: `[[${caseName}]]`, date, ...(rating === undefined ? {} : { rating }) }, "personal");

const CASES = [caseNote("Feed", "medium"), caseNote("Search", "easy"), caseNote("Ads", "hard"), caseNote("Maps", "easy")];

describe("scheduling from practice notes", () => {
	it("equals ts-fsrs used directly on the same ratings, replayed in date order", () => {
		const history: [string, "again" | "hard" | "good" | "easy"][] = [
			["2026-01-05", "good"], ["2026-01-08", "again"], ["2026-01-09", "hard"], ["2026-01-20", "easy"], ["2026-02-10", "good"],
		];
		// The catalog receives the notes out of order; review.ts must sort them by date.
		const notes = [...history].reverse().map(([date, rating], i) => practice(`p${i}`, "Feed", date, rating));
		const catalog = Catalog.from([...CASES, ...notes]);

		const f = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));
		const grade: Record<string, Grade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };
		let card = createEmptyCard(new Date("2026-01-05T00:00:00Z"));
		for (const [date, rating] of history) card = f.next(card, new Date(`${date}T00:00:00Z`), grade[rating]!).card;

		const s = caseSchedules(catalog).get("feed")!;
		expect(s.card.due.getTime()).toBe(card.due.getTime());
		expect(s.card.stability).toBeCloseTo(card.stability, 10);
		expect(s.card.difficulty).toBeCloseTo(card.difficulty, 10);
		expect(s.card.reps).toBe(5);
		expect(s.card.lapses).toBe(1);
		expect(s.due).toBe(card.due.toISOString().slice(0, 10));
		expect(s).toMatchObject({ caseName: "Feed", reviews: 5, lastReview: "2026-02-10" });
	});

	it("ignores unrated practice notes; a note with a wrong rating is skipped and named by the catalog", () => {
		const catalog = Catalog.from([
			...CASES,
			practice("a", "Feed", "2026-01-05", "good"),
			practice("b", "Feed", "2026-01-06", null),
			practice("c", "Feed", "2026-01-07"),
			practice("d", "Feed", "2026-01-07", "great"),
		]);
		expect(ratedReviews(catalog).map((r) => r.path)).toEqual(["Practice/a.md"]);
		expect(catalog.skipped()).toEqual([{ path: "Practice/d.md", problems: [expect.stringMatching(/"rating" is "great"/)] }]);
	});

	it("dueAfter gives the due date the new rating will have once written", () => {
		const catalog = Catalog.from([...CASES, practice("a", "Feed", "2026-01-05", "good"), practice("b", "Feed", "2026-01-08", null)]);
		const due = dueAfter(catalog, { path: "Practice/b.md", caseName: "Feed", date: "2026-01-08", rating: "hard" });
		const written = Catalog.from([...CASES, practice("a", "Feed", "2026-01-05", "good"), practice("b", "Feed", "2026-01-08", "hard")]);
		expect(caseSchedules(written).get("feed")!.due).toBe(due);
		// Re-rating a note replaces its earlier rating instead of adding a review.
		expect(dueAfter(written, { path: "Practice/b.md", caseName: "Feed", date: "2026-01-08", rating: "hard" })).toBe(due);
	});
});

describe("nextDueCase", () => {
	it("picks the most overdue practised case first", () => {
		const catalog = Catalog.from([
			...CASES,
			practice("f", "Feed", "2026-01-01", "again"), // due 2026-01-02
			practice("s", "Search", "2026-01-03", "again"), // due 2026-01-04
		]);
		const next = nextDueCase(catalog, "2026-01-10", 5);
		expect(next).toMatchObject({ kind: "due", due: "2026-01-02", overdueDays: 8 });
		expect(next.kind === "due" && next.case.name).toBe("Feed");
	});

	it("does not offer a due case twice on the day it was practised", () => {
		const catalog = Catalog.from([...CASES, practice("f", "Feed", "2026-01-01", "again"), practice("f2", "Feed", "2026-01-10", null)]);
		const next = nextDueCase(catalog, "2026-01-10", 0);
		expect(next.kind).toBe("none");
	});

	it("introduces new cases gradually: easiest first, at most newPerDay a day", () => {
		let notes: RecordResult[] = [...CASES];
		const day = (date: string, perDay: number) => nextDueCase(Catalog.from(notes), date, perDay);
		const practise = (name: string, date: string, rating: string | null) => notes.push(practice(`${name} ${date}`, name, date, rating));

		// Day 1, one new case a day: the first easy case by name.
		const first = day("2026-03-02", 1);
		expect(first.kind === "new" && first.case.name).toBe("Maps");
		practise("Maps", "2026-03-02", "good");
		// The day's allowance is used up: nothing else today, and the message says why and when.
		const done = day("2026-03-02", 1);
		expect(done.kind).toBe("none");
		expect(done.kind === "none" && done.message).toMatch(/already introduced \(1 a day.*Next review: Maps on 2026-03-05/);
		expect(introducedOn(Catalog.from(notes), "2026-03-02")).toEqual(new Set(["maps"]));
		// With two a day, a second new case comes today: the other easy one.
		const second = day("2026-03-02", 2);
		expect(second.kind === "new" && second.case.name).toBe("Search");
		practise("Search", "2026-03-02", null); // started, not yet rated: still counts as introduced today
		expect(day("2026-03-02", 2).kind).toBe("none");

		// Next day: nothing due yet, so the next new case, now medium.
		const third = day("2026-03-03", 1);
		expect(third.kind === "new" && third.case.name).toBe("Search"); // unrated from an earlier day: still new
		practise("Search", "2026-03-03", "easy");
		const fourth = day("2026-03-04", 1);
		expect(fourth.kind === "new" && fourth.case.name).toBe("Feed");
		practise("Feed", "2026-03-04", "good");
		// Maps falls due on 2026-03-05 and comes before any new case.
		const fifth = day("2026-03-05", 1);
		expect(fifth.kind === "due" && fifth.case.name).toBe("Maps");
	});

	it("is deterministic, and an injected RNG only chooses among the easiest new cases", () => {
		const catalog = Catalog.from(CASES);
		expect(nextDueCase(catalog, "2026-01-01", 1)).toEqual(nextDueCase(catalog, "2026-01-01", 1));
		const picks = new Set<string>();
		for (let seed = 1; seed <= 20; seed++) {
			const r = nextDueCase(catalog, "2026-01-01", 1, seededRng(seed));
			if (r.kind === "new") picks.add(r.case.name);
		}
		expect(picks).toEqual(new Set(["Maps", "Search"]));
	});

	it("explains an empty vault", () => {
		expect(nextDueCase(Catalog.from([]), "2026-01-01", 1)).toMatchObject({ kind: "none", message: expect.stringMatching(/no case studies/) });
	});
});

describe("ts-fsrs side effects", () => {
	it("leaves Date.prototype as it was (ts-fsrs adds helpers on load; review.ts removes them)", () => {
		jest.isolateModules(() => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			require("../../src/core/review");
		});
		expect((Date.prototype as unknown as Record<string, unknown>).dueFormat).toBeUndefined();
		expect((Date.prototype as unknown as Record<string, unknown>).scheduler).toBeUndefined();
	});
});
