import { createEmptyCard, fsrs, generatorParameters, Rating } from "ts-fsrs";
import { loadFolderCatalog, type FolderCatalog } from "../../src/cli/vaultCatalog";
import { Catalog } from "../../src/core/catalog";
import { isoWeek, progressMarkdown, progressSummary, type ProgressSummary } from "../../src/core/progress";

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
		expect(s.sessions).toBe(4);
		expect(s.rated).toBe(3);
		expect(s.byWeek).toEqual([{ week: "2026-W02", sessions: 2 }, { week: "2026-W03", sessions: 2 }]);
	});

	it("lists the steps scored per case", () => {
		expect(s.coverage).toEqual([
			{ case: "Feed ranking", steps: [1, 2, 3, 4, 5, 6, 7] },
			{ case: "Fraud detection", steps: [1, 2, 3, 4, 5, 6] },
		]);
	});

	it("averages each step's scores", () => {
		expect(s.stepAverages.map((a) => [a.step, a.average, a.count])).toEqual([
			[1, 2.67, 3], [2, 1.67, 3], [3, 1.67, 3], [4, 2.67, 3], [5, 3, 3], [6, 2.67, 3], [7, 2.5, 2],
		]);
		expect(s.stepAverages[2]!.name).toBe("Step 3 - Data preparation");
	});

	it("names the weakest steps with the concept notes their 'Concepts to know' section links", () => {
		expect(s.weakestSteps.map((w) => ({ step: w.step, average: w.average, concepts: w.concepts }))).toEqual([
			{ step: 2, average: 1.67, concepts: ["Calibration"] },
			{ step: 3, average: 1.67, concepts: ["Data leakage", "Class imbalance"] },
			{ step: 7, average: 2.5, concepts: [] },
		]);
	});

	it("schedules each rated case as ts-fsrs does, soonest first", () => {
		const feed = fsrsDue([["2026-01-05", Rating.Good], ["2026-01-08", Rating.Hard]]);
		const fraud = fsrsDue([["2026-01-12", Rating.Again]]);
		expect([feed, fraud]).toEqual(["2026-01-17", "2026-01-13"]);
		expect(s.due).toEqual([
			{ case: "Fraud detection", due: fraud, overdueDays: 7 },
			{ case: "Feed ranking", due: feed, overdueDays: 3 },
		]);
	});

	it("skips and names the malformed practice note", () => {
		expect(s.skipped).toHaveLength(1);
		expect(s.skipped[0]!.path).toBe("Practice/Practice 2026-01-14 Edited by hand.md");
		expect(s.skipped[0]!.problems.join(" ")).toMatch(/"rating" is "great".*"step-scores" must be a list of scores from 1 to 4/);
	});

	it("is plain JSON", () => {
		expect(JSON.parse(JSON.stringify(s))).toEqual(s);
	});

	it("renders a note with a table per part and wikilinks", () => {
		const md = progressMarkdown(s);
		expect(md).toMatch(/^---\ntags:\n {2}- mlsd\/progress\n---\n# Practice progress\n/);
		expect(md).toContain("4 practice sessions, 3 rated.");
		expect(md).toContain("| 2026-W02 | 2 |");
		expect(md).toContain("| [[Fraud detection]] | 2026-01-13 | 7 days overdue |");
		expect(md).toContain("| [[Step 2 - Framing the problem]] | 1.67 | 3 |");
		expect(md).toContain("| 3. Data preparation | 1.67 | [[Data leakage]], [[Class imbalance]] |");
		expect(md).toContain("| [[Fraud detection]] | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ | · |");
		expect(md).toContain("- [[Practice/Practice 2026-01-14 Edited by hand]]: \"rating\" is \"great\"");
		for (const heading of ["## Sessions", "## Due for review", "## Step scores", "## Weakest steps", "## Coverage", "## Skipped notes"]) expect(md).toContain(heading);
	});
});

describe("progressSummary with no practice", () => {
	it("gives zeros and a readable note", () => {
		const s = progressSummary(Catalog.from([]), undefined, TODAY);
		expect(s).toEqual({ today: TODAY, sessions: 0, rated: 0, byWeek: [], coverage: [], stepAverages: [], weakestSteps: [], due: [], skipped: [] });
		const md = progressMarkdown(s);
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
