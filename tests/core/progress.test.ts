import { createEmptyCard, fsrs, generatorParameters, Rating } from "ts-fsrs";
import { loadFolderCatalog, type FolderCatalog } from "../../src/cli/vaultCatalog";
import { Catalog } from "../../src/core/catalog";
import { isoWeek, progressMarkdown, progressSummary, type ProgressSummary } from "../../src/core/progress";
import { stringifyYaml } from "../../src/cli/frontmatter";

const FIXTURE = "tests/fixtures/practice-vault";
const TODAY = "2026-01-20";

/** The due date ts-fsrs gives for ratings on days (used directly, as a cross-check). */
function fsrsDue(history: [string, Rating.Again | Rating.Hard | Rating.Good | Rating.Easy][]): string {
	const f = fsrs(generatorParameters({ enable_fuzz: false, enable_short_term: false }));
	let card = createEmptyCard(new Date(`${history[0]![0]}T00:00:00Z`));
	for (const [d, r] of history) card = f.next(card, new Date(`${d}T00:00:00Z`), r).card;
	return card.due.toISOString().slice(0, 10);
}

describe("progressSummary on the practice-vault fixture", () => {
	let fc: FolderCatalog;
	let s: ProgressSummary;
	beforeAll(async () => {
		fc = await loadFolderCatalog(FIXTURE, { version: "", files: [] });
		s = progressSummary(fc.catalog, fc.texts, TODAY);
	});

	it("counts sessions and ratings, by ISO week", () => {
		expect(s.sessions).toBe(5);
		expect(s.rated).toBe(4);
		expect(s.byWeek).toEqual([{ week: "2026-W02", sessions: 2 }, { week: "2026-W03", sessions: 3 }]);
	});

	it("lists the steps scored per case", () => {
		expect(s.coverage).toEqual([
			{ case: "Feed ranking", steps: [1, 2, 3, 4, 5, 6, 7] },
			{ case: "Fraud detection", steps: [1, 2, 3, 4, 5, 6] },
		]);
	});

	it("averages each step's scores", () => {
		expect(s.stepAverages.map((a) => [a.step, a.average, a.count])).toEqual([
			[1, 2.67, 3], [2, 2, 4], [3, 1.75, 4], [4, 2.67, 3], [5, 3, 3], [6, 2.67, 3], [7, 2.5, 2],
		]);
		expect(s.stepAverages[2]!.name).toBe("Step 3 - Data preparation");
	});

	it("names the weakest steps with the concept notes their 'Concepts to know' section links", () => {
		expect(s.weakestSteps.map((w) => ({ step: w.step, average: w.average, concepts: w.concepts }))).toEqual([
			{ step: 3, average: 1.75, concepts: ["Data leakage", "Class imbalance"] },
			{ step: 2, average: 2, concepts: ["Calibration"] },
			{ step: 7, average: 2.5, concepts: [] },
		]);
	});

	it("schedules each rated case as ts-fsrs does, soonest first", () => {
		const feed = fsrsDue([["2026-01-05", Rating.Good], ["2026-01-08", Rating.Hard]]);
		// The 0.1 note (rating again) and the new one (mlsd-rating good) replay together.
		const fraud = fsrsDue([["2026-01-12", Rating.Again], ["2026-01-16", Rating.Good]]);
		expect([feed, fraud]).toEqual(["2026-01-17", "2026-01-19"]);
		expect(s.due).toEqual([
			{ case: "Feed ranking", due: feed, overdueDays: 3 },
			{ case: "Fraud detection", due: fraud, overdueDays: 1 },
		]);
	});

	it("skips and names the malformed practice note", () => {
		expect(s.skipped).toHaveLength(1);
		expect(s.skipped[0]!.path).toBe("Practice/Practice 2026-01-14 Edited by hand.md");
		expect(s.skipped[0]!.problems).toEqual(['"step-scores" must be a list of scores from 1 to 4']);
	});

	it("draws each step's scores over time, oldest first, skipping skipped and unscored steps", () => {
		expect(s.trend.find((t) => t.step === 2)!.points).toEqual([
			{ date: "2026-01-05", score: 2 }, { date: "2026-01-08", score: 1 }, { date: "2026-01-12", score: 2 }, { date: "2026-01-16", score: 3 },
		]);
		expect(s.trend.find((t) => t.step === 7)!.points.map((p) => p.date)).toEqual(["2026-01-05", "2026-01-08"]);
	});

	it("counts overruns per timed step, old lists and new scalars alike", () => {
		expect(s.overruns.map((o) => [o.step, o.timed, o.over, o.averageOver])).toEqual([
			[1, 1, 1, 0.5], [2, 2, 1, 1.5], [3, 2, 0, 0], [4, 1, 0, 0], [5, 1, 0, 0], [6, 1, 0, 0], [7, 1, 0, 0],
		]);
	});

	it("covers domains and names the three next things to do", () => {
		expect(s.domains).toEqual([
			{ domain: "fraud-risk", cases: 1, practised: 1, target: false },
			{ domain: "recsys", cases: 1, practised: 1, target: false },
		]);
		expect(s.next.map((n) => n.kind)).toEqual(["review", "drill", "timing"]);
		expect(s.next[0]!.text).toBe("Run a mock interview of Feed ranking: it is 3 days overdue.");
		expect(s.next[1]!.text).toMatch(/^Drill step 3 \(Data preparation\): it averages 1\.8 of 4; revisit Data leakage and Class imbalance\.$/);
		expect(s.next[2]!.text).toMatch(/^Keep step 2 \(Framing the problem\) to its budget: it ran over in 1 of 2 timed sessions, by 1\.5 min/);
		expect([s.interviewDate, s.daysLeft]).toEqual([null, null]);
	});

	it("with an interview plan: days left, target domains first, and reviews before the date", () => {
		const planned = progressSummary(fc.catalog, fc.texts, TODAY, { plan: { interviewDate: "2026-02-08", targetDomains: ["recsys"], anchors: [] }, cardsDue: 12 });
		expect(planned.daysLeft).toBe(19);
		expect(planned.domains[0]).toMatchObject({ domain: "recsys", target: true });
		for (const d of planned.due) expect(d.due < "2026-02-08").toBe(true);
		expect(progressMarkdown(planned, stringifyYaml)).toContain("19 days to the interview on 2026-02-08.");
	});

	it("is plain JSON", () => {
		expect(JSON.parse(JSON.stringify(s))).toEqual(s);
	});

	it("renders a note with a table per part and wikilinks", () => {
		const md = progressMarkdown(s, stringifyYaml);
		expect(md).toMatch(/^---\ntags:\n {2}- mlsd\/progress\n---\n# Practice progress\n/);
		expect(md).toContain("5 practice sessions, 4 rated.");
		expect(md).toContain("| 2026-W02 | 2 |");
		expect(md).toContain("| [[Fraud detection]] | 2026-01-19 | 1 day overdue |");
		expect(md).toContain("| [[Step 2 - Framing the problem]] | 2.00 | 4 |");
		expect(md).toContain("| 3. Data preparation | 1.75 | [[Data leakage]], [[Class imbalance]] |");
		expect(md).toContain("| [[Fraud detection]] | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | · |");
		expect(md).toContain("| 2. Framing the problem | 2 → 1 → 2 → 3 | 3 |");
		expect(md).toContain("| 2. Framing the problem | 1 of 2 | 1.5 |");
		expect(md).toContain("| fraud-risk | 1 of 1 |");
		expect(md).toContain("1. Run a mock interview of Feed ranking: it is 3 days overdue.");
		expect(md).toContain("- [[Practice/Practice 2026-01-14 Edited by hand]]: \"step-scores\" must be");
		for (const heading of ["## Next three things", "## Sessions", "## Due for review", "## Step scores", "## Weakest steps", "## Step trend", "## Overruns", "## Coverage by domain", "## Coverage", "## Skipped notes"]) expect(md).toContain(heading);
	});
});

describe("progressSummary with no practice", () => {
	it("gives zeros and a readable note", () => {
		const s = progressSummary(Catalog.from([]), undefined, TODAY);
		expect(s).toEqual({
			today: TODAY, sessions: 0, rated: 0, byWeek: [], coverage: [], stepAverages: [], weakestSteps: [], due: [], skipped: [],
			trend: [], overruns: [], interviewDate: null, daysLeft: null, domains: [], next: [{ kind: "set-date", text: expect.stringMatching(/^Set your interview date/) }],
		});
		const md = progressMarkdown(s, stringifyYaml);
		expect(md).toContain("0 practice sessions, 0 rated.");
		expect(md).not.toContain("## Skipped notes");
	});
});

describe("isoWeek", () => {
	it.each([
		["2026-01-01", "2026-W01"], ["2026-01-05", "2026-W02"], ["2027-01-01", "2026-W53"],
		["2024-12-30", "2025-W01"], ["2026-12-31", "2026-W53"], ["2021-01-03", "2020-W53"],
	])("%s is in %s", (date, week) => {
		expect(isoWeek(date)).toBe(week);
	});
});
