import fc from "fast-check";
import { toRecord } from "../../src/core/catalog";
import { applyEvent, startTimer, timerView } from "../../src/core/mockTimer";
import {
	checklistTally, practiceNote, reviewProperties, stepResults, suggestedScore, timingProperties, timingSection, withTimingSection,
	type StepResult,
} from "../../src/core/practice";
import { validateProperties } from "../../src/core/schema";

const NOTE = practiceNote({
	draw: { caseName: "Feed", casePath: "C/Feed.md", domain: "recsys", difficulty: "easy", prompt: "Design a feed.", twist: null },
	date: "2026-01-20",
	steps: [{ step: 1, name: "Step 1 - Clarifying requirements", minutes: 5 }, { step: 2, name: "Step 2 - Framing", minutes: 4 }],
	checklist: [
		{ title: "Step 1: Clarifying requirements", source: "Step 1 - Clarifying requirements", minutes: 5, items: [{ text: "Asked about users", from: "Step 1 - Clarifying requirements" }, { text: "Stated scale", from: "Step 1 - Clarifying requirements" }] },
		{ title: "Step 2: Framing", source: "Step 2 - Framing", minutes: 4, items: [{ text: "Named the label", from: "Step 2 - Framing" }] },
		{ title: "Specific to Feed", source: "Feed", minutes: null, items: [{ text: "Handled cold start", from: "Feed" }] },
	],
	totalMinutes: 9,
});

const RESULTS: StepResult[] = [
	{ step: 1, name: "Step 1 - Clarifying requirements", budget: 5, minutes: 6.5, overrun: 1.5, score: 3 },
	{ step: 2, name: "Step 2 - Framing", budget: 4, minutes: 3.2, overrun: 0, score: 2 },
];

describe("step results from a timer", () => {
	it("rounds minutes to one decimal", () => {
		let s = startTimer("P.md", [{ step: 1, name: "A", minutes: 5 }, { step: 2, name: "B", minutes: 4 }], 9, 0);
		s = applyEvent(s, { type: "next", at: 6.53 * 60_000 });
		s = applyEvent(s, { type: "stop", at: 9.75 * 60_000 });
		expect(stepResults(s, timerView(s, 1e9))).toEqual([
			{ step: 1, name: "A", budget: 5, minutes: 6.5, overrun: 1.5, score: null },
			{ step: 2, name: "B", budget: 4, minutes: 3.2, overrun: 0, score: null },
		]);
	});
});

describe("properties written by the loop", () => {
	it("lists values by step number, leaving gaps for steps outside the plan", () => {
		expect(reviewProperties(RESULTS, "good", "2026-01-23")).toEqual({
			"step-minutes": [6.5, 3.2], "step-overrun": [1.5, 0], "step-scores": [3, 2], rating: "good", due: "2026-01-23",
		});
		expect(timingProperties([{ ...RESULTS[1]!, step: 3 }])).toEqual({ "step-minutes": [0, 0, 3.2], "step-overrun": [0, 0, 0] });
		expect(reviewProperties([{ ...RESULTS[1]!, step: 2 }], "hard", "2026-01-21")["step-scores"]).toEqual([null, 2]);
	});

	it("are valid practice properties, and wrong ones are named", () => {
		const fm = { tags: ["mlsd/practice"], case: "[[Feed]]", date: "2026-01-20", ...reviewProperties(RESULTS, "good", "2026-01-23") };
		expect(validateProperties(fm)).toEqual([]);
		expect(validateProperties({ tags: ["mlsd/practice"], case: "[[Feed]]", date: "2026-01-20", rating: null, due: null })).toEqual([]);
		const bad = validateProperties({ tags: ["mlsd/practice"], case: "[[Feed]]", date: "2026-01-20", rating: "Good", due: "soon", "step-minutes": "5", "step-overrun": [-1], "step-scores": [0, 2.5] });
		expect(bad.map((p) => p.property)).toEqual(["rating", "due", "step-minutes", "step-overrun", "step-scores"]);
	});

	it("never crash on hand-edited values (property)", () => {
		const value = fc.oneof(fc.anything(), fc.array(fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null))));
		fc.assert(fc.property(value, value, value, (a, b, c) => {
			const r = toRecord("P.md", { tags: ["mlsd/practice"], case: "[[X]]", date: "2026-01-01", rating: a, "step-scores": b, "step-minutes": c }, "personal");
			return r !== null;
		}));
	});
});

describe("the timing section", () => {
	it("goes after the time plan, then is replaced in place", () => {
		const once = withTimingSection(NOTE, timingSection(RESULTS));
		expect(once.indexOf("## Time plan")).toBeLessThan(once.indexOf("## Timing"));
		expect(once.indexOf("## Timing")).toBeLessThan(once.indexOf("## Your answer"));
		expect(once).toContain("| 1. Clarifying requirements | 5.0 | 6.5 | 1.5 | 3 |");
		expect(once).toContain("| 2. Framing | 4.0 | 3.2 | – | 2 |");
		expect(once).toContain("| **Total** | 9.0 | 9.7 | 1.5 | |");
		const twice = withTimingSection(once, timingSection([{ ...RESULTS[0]!, score: 4 }]));
		expect(twice.match(/## Timing/g)).toHaveLength(1);
		expect(twice).toContain("| 1. Clarifying requirements | 5.0 | 6.5 | 1.5 | 4 |");
		expect(twice).not.toContain("| 2. Framing | 4.0");
		// Nothing else in the note changes.
		expect(twice.replace(/## Timing[\s\S]*?(?=## Your answer)/, "")).toBe(NOTE);
	});

	it("is appended to a note without the usual headings", () => {
		expect(withTimingSection("---\ntype: practice\n---\nMy notes.\n", timingSection(RESULTS))).toMatch(/^---\ntype: practice\n---\nMy notes.\n\n## Timing\n/);
	});
});

describe("checklist tally", () => {
	it("counts ticked items per step in the note's checklist, not the case's own items", () => {
		const ticked = NOTE.replace("- [ ] Asked about users", "- [x] Asked about users").replace("- [ ] Handled cold start", "- [x] Handled cold start");
		const t = checklistTally(ticked);
		expect([...t]).toEqual([[1, { ticked: 1, total: 2 }], [2, { ticked: 0, total: 1 }]]);
		expect([suggestedScore(t.get(1)), suggestedScore(t.get(2)), suggestedScore(undefined), suggestedScore({ ticked: 2, total: 2 })]).toEqual([3, 1, 2, 4]);
	});
});
