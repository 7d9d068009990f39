import { Catalog, toRecord, type RecordResult } from "../../src/core/catalog";
import {
	addDays, capDue, caseSchedules, dueAfter, FINAL_DAYS, introducedOn, introductionOrder, nextDueCase, NO_PLAN, ratedReviews, type InterviewPlan,
} from "../../src/core/review";
// ts-fsrs used directly, with parameters written out here rather than imported, to check review.ts against it.
import { createEmptyCard, fsrs, generatorParameters, Rating, type Grade } from "ts-fsrs";

const caseNote = (name: string, difficulty: "easy" | "medium" | "hard", domain = "recsys"): RecordResult =>
	toRecord(`Cases/${name}.md`, { type: "case-study", tags: ["mlsd/case-study"], domain, difficulty, prompts: [`Design ${name}.`] }, "shipped");
/** A practice note as the plugin writes it now (session-date, mlsd-rating). */
const practice = (file: string, caseName: string, date: string, rating?: string | null): RecordResult =>
	toRecord(`Practice/${file}.md`, { type: "practice", tags: ["mlsd/practice"], case: `[[${caseName}]]`, "session-date": date, ...(rating === undefined ? {} : { "mlsd-rating": rating }) }, "personal");
/** A practice note as 0.1 wrote it (date, rating). */
const oldPractice = (file: string, caseName: string, date: string, rating: string): RecordResult =>
	toRecord(`Practice/${file}.md`, { type: "practice", tags: ["mlsd/practice"], case: `[[${caseName}]]`, date, rating, due: "2099-01-01" }, "personal");

const CASES = [caseNote("Feed", "medium"), caseNote("Search", "easy"), caseNote("Ads", "hard"), caseNote("Maps", "easy")];
const opts = (newPerDay: number, plan: InterviewPlan = NO_PLAN, domain: string | null = null) => ({ newPerDay, plan, domain });
const fsrsDue = (history: [string, Grade][]): string => {
	const f = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));
	let card = createEmptyCard(new Date(`${history[0]![0]}T00:00:00Z`));
	for (const [d, g] of history) card = f.next(card, new Date(`${d}T00:00:00Z`), g).card;
	return card.due.toISOString().slice(0, 10);
};

describe("scheduling from practice notes", () => {
	it("equals ts-fsrs used directly on the same ratings, replayed in date order", () => {
		const history: [string, "again" | "hard" | "good" | "easy"][] = [
			["2026-01-05", "good"], ["2026-01-08", "again"], ["2026-01-09", "hard"], ["2026-01-20", "easy"], ["2026-02-10", "good"],
		];
		// The catalog receives the notes out of order; review.ts must sort them by date. Old and new notes mix.
		const notes = [...history].reverse().map(([date, rating], i) => (i % 2 === 0 ? practice(`p${i}`, "Feed", date, rating) : oldPractice(`p${i}`, "Feed", date, rating)));
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
			// A user's own generic "rating" is theirs: not a review, and not an error.
			toRecord("Practice/e.md", { type: "practice", tags: ["mlsd/practice"], case: "[[Feed]]", "session-date": "2026-01-08", rating: "great" }, "personal"),
		]);
		expect(ratedReviews(catalog).map((r) => r.path)).toEqual(["Practice/a.md"]);
		expect(catalog.skipped()).toEqual([{ path: "Practice/d.md", type: "practice", problems: [expect.stringMatching(/"mlsd-rating" is "great"/)] }]);
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

describe("schedules that respect the interview date", () => {
	it("a case rated Good twice with the interview 19 days away is due again before the date", () => {
		// Good, then Good again nine days later: FSRS alone would wait past the interview.
		const history: [string, Grade][] = [["2026-01-01", Rating.Good], ["2026-01-10", Rating.Good]];
		const interview = addDays("2026-01-10", 19);
		expect(fsrsDue(history) > interview).toBe(true);
		const catalog = Catalog.from([...CASES, practice("a", "Feed", "2026-01-01", "good"), practice("b", "Feed", "2026-01-10", "good")]);
		const plan = { interviewDate: interview, targetDomains: [], anchors: [] };
		const s = caseSchedules(catalog, plan).get("feed")!;
		expect(s.due < interview).toBe(true);
		// It lands in the final days, not weeks early, and without a date FSRS decides alone.
		expect(s.due >= addDays(interview, -FINAL_DAYS)).toBe(true);
		expect(caseSchedules(catalog).get("feed")!.due).toBe(fsrsDue(history));
	});

	it("never lets an interval jump past the date, for any history long enough before it (property)", () => {
		const grades = ["again", "hard", "good", "easy"] as const;
		for (let seed = 0; seed < 200; seed++) {
			const n = 1 + (seed % 5);
			const notes: RecordResult[] = [...CASES];
			let day = "2026-01-01";
			for (let i = 0; i < n; i++) {
				notes.push(practice(`r${seed}-${i}`, "Feed", day, grades[(seed * 7 + i * 3) % 4]));
				day = addDays(day, 1 + ((seed + i) % 6));
			}
			const last = addDays(day, -1 - ((seed + n - 1) % 6));
			const interview = addDays(last, FINAL_DAYS + 1 + (seed % 30));
			const s = caseSchedules(Catalog.from(notes), { interviewDate: interview, targetDomains: [], anchors: [] }).get("feed")!;
			expect(s.due < interview).toBe(true);
		}
	});

	it("brings an anchor back after at most half the time left, so it comes at least twice more", () => {
		const plan = { interviewDate: "2026-01-20", targetDomains: [], anchors: ["Feed"] };
		expect(capDue("2026-01-01", "2026-03-01", plan, true, "Feed")).toBe("2026-01-10");
		expect(capDue("2026-01-10", "2026-03-01", plan, true, "Feed")).toBe("2026-01-15");
		// Inside the final days a review is the last pass.
		expect(capDue("2026-01-17", "2026-03-01", plan, true, "Feed")).toBe("2026-03-01");
		// An earlier FSRS date always wins.
		expect(capDue("2026-01-01", "2026-01-03", plan, true, "Feed")).toBe("2026-01-03");
		expect(capDue("2026-01-01", "2026-03-01", NO_PLAN, true, "Feed")).toBe("2026-03-01");
	});

	it("spreads final reviews over the last days rather than piling them on the eve", () => {
		const plan = { interviewDate: "2026-02-01", targetDomains: [], anchors: [] };
		const dues = new Set(["A", "B", "C", "D", "E", "F", "G", "H"].map((n) => capDue("2026-01-01", "2026-06-01", plan, false, n)));
		expect(dues.size).toBeGreaterThan(1);
		for (const d of dues) expect(d >= addDays("2026-02-01", -FINAL_DAYS) && d < "2026-02-01").toBe(true);
	});
});

describe("nextDueCase", () => {
	it("picks the most overdue practised case first", () => {
		const catalog = Catalog.from([
			...CASES,
			practice("f", "Feed", "2026-01-01", "again"), // due 2026-01-02
			practice("s", "Search", "2026-01-03", "again"), // due 2026-01-04
		]);
		const next = nextDueCase(catalog, "2026-01-10", opts(5));
		expect(next).toMatchObject({ kind: "due", due: "2026-01-02", overdueDays: 8 });
		expect(next.kind === "due" && next.case.name).toBe("Feed");
	});

	it("does not offer a due case twice on the day it was practised", () => {
		const catalog = Catalog.from([...CASES, practice("f", "Feed", "2026-01-01", "again"), practice("f2", "Feed", "2026-01-10", null)]);
		const next = nextDueCase(catalog, "2026-01-10", opts(0));
		expect(next.kind).toBe("none");
	});

	it("introduces new cases gradually, at most newPerDay a day, not by difficulty", () => {
		let notes: RecordResult[] = [...CASES];
		const day = (date: string, perDay: number) => nextDueCase(Catalog.from(notes), date, opts(perDay));
		const practise = (name: string, date: string, rating: string | null) => notes.push(practice(`${name} ${date}`, name, date, rating));

		// Day 1, one new case a day: the first by name (the hard one: difficulty plays no part).
		const first = day("2026-03-02", 1);
		expect(first.kind === "new" && first.case.name).toBe("Ads");
		practise("Ads", "2026-03-02", "good");
		const done = day("2026-03-02", 1);
		expect(done.kind).toBe("none");
		expect(done.kind === "none" && done.message).toMatch(/already introduced \(1 a day.*Next review: Ads on 2026-03-05/);
		expect(introducedOn(Catalog.from(notes), "2026-03-02")).toEqual(new Set(["ads"]));
		const second = day("2026-03-02", 2);
		expect(second.kind === "new" && second.case.name).toBe("Feed");
		practise("Feed", "2026-03-02", null); // started, not yet rated: still counts as introduced today
		expect(day("2026-03-02", 2).kind).toBe("none");
		const third = day("2026-03-03", 1);
		expect(third.kind === "new" && third.case.name).toBe("Feed"); // unrated from an earlier day: still new
		practise("Feed", "2026-03-03", "easy");
		// Ads falls due on 2026-03-05 and comes before any new case.
		const later = day("2026-03-05", 1);
		expect(later.kind === "due" && later.case.name).toBe("Ads");
	});

	it("introduces the anchors first, then the target domains taking turns, then the rest", () => {
		const cases = [
			caseNote("Feed", "medium"), caseNote("Podcasts", "easy"), caseNote("Ads CTR", "hard", "ads"), caseNote("Bidding", "medium", "ads"),
			caseNote("Fraud", "hard", "fraud-risk"), caseNote("Captions", "easy", "vision"), caseNote("Search", "easy", "search"),
		];
		const catalog = Catalog.from(cases);
		const plan = { interviewDate: "2026-02-01", targetDomains: ["ads", "recsys"], anchors: ["fraud", "Search"] };
		const order = introductionOrder(catalog.cases(), new Set(), plan);
		expect(order.map((o) => o.case.name)).toEqual(["Fraud", "Search", "Ads CTR", "Feed", "Bidding", "Podcasts", "Captions"]);
		expect(order[0]!.reason).toBe("one of your anchor cases");
		expect(order[2]!.reason).toBe("a case from ads, one of your target domains");
		const next = nextDueCase(catalog, "2026-01-10", opts(1, plan));
		expect(next).toMatchObject({ kind: "new", reason: "one of your anchor cases" });
		expect(next.kind === "new" && next.case.name).toBe("Fraud");
	});

	it("keeps to the domain filter, for reviews and new cases alike", () => {
		const cases = [...CASES, caseNote("Fraud", "hard", "fraud-risk"), caseNote("Chargebacks", "easy", "fraud-risk")];
		const catalog = Catalog.from([...cases, practice("f", "Feed", "2026-01-01", "again")]);
		// Feed (recsys) is overdue, but the filter says fraud-risk.
		const next = nextDueCase(catalog, "2026-01-10", opts(1, NO_PLAN, "fraud-risk"));
		expect(next.kind === "new" && next.case.name).toBe("Chargebacks");
		expect(nextDueCase(catalog, "2026-01-10", opts(1, NO_PLAN, "FRAUD-RISK")).kind).toBe("new");
		expect(nextDueCase(catalog, "2026-01-10", opts(1, NO_PLAN, "speech"))).toMatchObject({ kind: "none", message: expect.stringMatching(/no case studies with prompts in the domain "speech"/) });
	});

	it("explains an empty vault", () => {
		expect(nextDueCase(Catalog.from([]), "2026-01-01", opts(1))).toMatchObject({ kind: "none", message: expect.stringMatching(/no case studies/) });
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
