import { Catalog, toRecord, type RecordResult } from "../../src/core/catalog";
import { DEFAULT_HORIZON_DAYS, planText, todaysPlan, type PlanInput } from "../../src/core/plan";
import { addDays, NO_PLAN } from "../../src/core/review";

const caseNote = (name: string, domain: string): RecordResult =>
	toRecord(`Cases/${name}.md`, { type: "case-study", tags: ["mlsd/case-study"], domain, difficulty: "medium", prompts: [`Design ${name}.`] }, "shipped");
const practice = (file: string, caseName: string, date: string, rating: string | null): RecordResult =>
	toRecord(`Practice/${file}.md`, { type: "practice", tags: ["mlsd/practice"], case: `[[${caseName}]]`, "session-date": date, "mlsd-rating": rating }, "personal");

const CASES = [
	caseNote("Feed", "recsys"), caseNote("Podcasts", "recsys"), caseNote("Ads CTR", "ads"), caseNote("Fraud", "fraud-risk"),
	caseNote("Search box", "search"), caseNote("Captions", "vision"),
];
const TODAY = "2026-01-20";
const INTERVIEW = addDays(TODAY, 19);
const input = (over: Partial<PlanInput> = {}): PlanInput => ({
	today: TODAY,
	plan: { interviewDate: INTERVIEW, targetDomains: ["recsys", "ads"], anchors: ["Fraud", "Search box"] },
	newPerDay: 1,
	cardsDue: null,
	...over,
});

describe("today's plan", () => {
	it("on a fresh vault: days left, an anchor to start today, and a schedule to the day before the interview", () => {
		const p = todaysPlan(Catalog.from(CASES), input());
		expect(p.daysLeft).toBe(19);
		expect(p.today.length).toBeGreaterThan(0);
		expect(p.mock).toMatchObject({ case: "Fraud", kind: "new", reason: "one of your anchor cases" });
		expect(p.today[0]).toEqual({ kind: "mock", case: "Fraud", text: "Run a mock interview of Fraud (new: one of your anchor cases)." });
		expect(p.schedule).toHaveLength(19);
		expect(p.schedule[0]!.date).toBe(TODAY);
		expect(p.schedule.at(-1)!.date).toBe(addDays(INTERVIEW, -1));
		// Introductions: anchors, then the target domains taking turns in the order given, then the rest; one a day.
		expect(p.schedule.slice(0, 6).map((d) => d.newCases)).toEqual([["Fraud"], ["Search box"], ["Feed"], ["Ads CTR"], ["Podcasts"], ["Captions"]]);
	});

	it("brings every practised case back before the date, and each anchor at least twice", () => {
		const p = todaysPlan(Catalog.from(CASES), input());
		const sessions = (name: string) => p.schedule.filter((d) => [...d.reviews, ...d.newCases].includes(name));
		for (const c of ["Fraud", "Search box", "Ads CTR", "Feed", "Podcasts", "Captions"]) {
			const first = sessions(c)[0]!;
			expect(sessions(c).length).toBeGreaterThanOrEqual(2);
			expect(first.date < INTERVIEW).toBe(true);
		}
		for (const a of p.anchors) expect(a.planned).toBeGreaterThanOrEqual(3); // introduced, then at least twice more
		expect(p.anchors.map((a) => [a.case, a.found, a.sessions])).toEqual([["Fraud", true, 0], ["Search box", true, 0]]);
	});

	it("lists the due cases and the cards, with the most overdue as today's mock", () => {
		const catalog = Catalog.from([
			...CASES,
			practice("a", "Feed", "2026-01-10", "again"),
			practice("b", "Podcasts", "2026-01-15", "again"),
			practice("c", "Fraud", "2026-01-18", "good"),
		]);
		const p = todaysPlan(catalog, input({ cardsDue: 14 }));
		expect(p.mock).toMatchObject({ case: "Feed", kind: "due" });
		expect(p.due.map((d) => d.case)).toEqual(["Feed", "Podcasts"]);
		expect(p.today.map((i) => i.kind)).toEqual(["mock", "review", "new", "cards"]);
		expect(p.today.at(-1)!.text).toBe("Review 14 flashcards due today.");
		expect(p.newCases).toEqual([{ case: "Search box", reason: "one of your anchor cases" }]);
	});

	it("keeps to the domain filter and says when an anchor is outside it", () => {
		const p = todaysPlan(Catalog.from(CASES), input({ domain: "recsys" }));
		expect(p.mock?.case).toBe("Feed");
		expect(p.schedule.flatMap((d) => [...d.reviews, ...d.newCases]).every((c) => c === "Feed" || c === "Podcasts")).toBe(true);
		expect(p.notes).toEqual(expect.arrayContaining([expect.stringMatching(/anchor case "Fraud" is outside the domain filter "recsys"/)]));
	});

	it("without a date: asks for one, and schedules two weeks ahead", () => {
		const p = todaysPlan(Catalog.from(CASES), input({ plan: NO_PLAN }));
		expect(p.daysLeft).toBeNull();
		expect(p.today[0]!.kind).toBe("set-date");
		expect(p.today[1]!.kind).toBe("mock");
		expect(p.schedule).toHaveLength(DEFAULT_HORIZON_DAYS);
	});

	it("when nothing is due and today's new case is started, says what comes next", () => {
		const catalog = Catalog.from([caseNote("Feed", "recsys"), practice("a", "Feed", TODAY, "good")]);
		const p = todaysPlan(catalog, input({ plan: { interviewDate: INTERVIEW, targetDomains: [], anchors: ["Nope"] } }));
		expect(p.mock).toBeNull();
		expect(p.today).toEqual([{ kind: "rest", case: null, text: expect.stringMatching(/^Nothing is due today, and today's new case is started\. Next: Feed on 2026-01-2\d/) }]);
		expect(p.notes).toEqual([expect.stringMatching(/anchor case "Nope" is not a case study/)]);
	});

	it("after the interview date: says it passed and schedules nothing", () => {
		const p = todaysPlan(Catalog.from(CASES), input({ plan: { interviewDate: "2026-01-01", targetDomains: [], anchors: [] } }));
		expect(p.daysLeft).toBe(-19);
		expect(p.schedule).toEqual([]);
		expect(p.notes[0]).toMatch(/has passed/);
	});

	it("reads as text for the command line", () => {
		const text = planText(todaysPlan(Catalog.from(CASES), input()));
		expect(text).toMatch(/^Interview on 2026-02-08: 19 days left\.\n\nToday:\n {2}- Run a mock interview of Fraud/);
		expect(text).toContain("  - Fraud: 0 sessions so far, ");
		expect(text).toMatch(/\n {2}2026-01-20 {2}new Fraud\n/);
	});
});
