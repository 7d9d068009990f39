import fc from "fast-check";
import { toRecord } from "../../src/core/catalog";
import { splitFrontmatter } from "../../src/core/markdown";
import { applyEvent, startTimer, timerView } from "../../src/core/mockTimer";
import {
	checklistEntries, checklistTally, practiceNote, resultsFromProperties, reviewProperties, setChecklistItem, stepResults, timingProperties,
	timingSection, withTimingSection, type StepResult,
} from "../../src/core/practice";
import { validateProperties } from "../../src/core/schema";
import { applyPropertyChange, readSession, scoredSteps, sessionDate, sessionRating, skippedSteps } from "../../src/core/session";
import { parse } from "yaml";
import { stringifyYaml } from "../../src/cli/frontmatter";

const STEPS = [
	{ step: 1, name: "Step 1 - Clarifying requirements", minutes: 5 },
	{ step: 2, name: "Step 2 - Framing", minutes: 4 },
	{ step: 3, name: "Step 3 - Data", minutes: 8 },
];
const CHECKLIST = [
	{ title: "Step 1: Clarifying requirements", source: "Step 1 - Clarifying requirements", minutes: 5, items: [{ text: "Asked about users", from: "Step 1 - Clarifying requirements" }, { text: "Stated scale", from: "Step 1 - Clarifying requirements" }] },
	{ title: "Step 2: Framing", source: "Step 2 - Framing", minutes: 4, items: [{ text: "Named the label", from: "Step 2 - Framing" }] },
	{ title: "Step 3: Data", source: "Step 3 - Data", minutes: 8, items: [{ text: "Checked leakage", from: "Step 3 - Data" }] },
	{ title: "Specific to Feed", source: "Feed", minutes: null, items: [{ text: "Handled cold start", from: "Feed" }] },
];
const DRAW = { caseName: "Feed", casePath: "C/Feed.md", domain: "recsys", difficulty: "easy", prompt: "Design a feed.", twist: null, twistNote: null };
const NOTE = practiceNote({ draw: DRAW, date: "2026-01-20", steps: STEPS.slice(0, 2), checklist: CHECKLIST.filter((c) => !c.title.startsWith("Step 3")), totalMinutes: 9 }, stringifyYaml);

const RESULTS: StepResult[] = [
	{ step: 1, name: "Step 1 - Clarifying requirements", budget: 5, minutes: 6.5, overrun: 1.5, score: 3 },
	{ step: 2, name: "Step 2 - Framing", budget: 4, minutes: 3.2, overrun: 0, score: 2 },
];

const fmOf = (note: string): Record<string, unknown> => parse(splitFrontmatter(note).yaml!) as Record<string, unknown>;

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

	it("records the steps an interview never reached as skipped", () => {
		let s = startTimer("P.md", [{ step: 1, name: "A", minutes: 5 }, { step: 2, name: "B", minutes: 4 }, { step: 3, name: "C", minutes: 6 }], 15, 0);
		s = applyEvent(s, { type: "stop", at: 2 * 60_000 });
		const r = stepResults(s, timerView(s, 1e9));
		expect(r.map((x) => [x.step, x.minutes, x.skipped ?? false])).toEqual([[1, 2, false], [2, 0, true], [3, 0, true]]);
	});
});

describe("properties written by the loop", () => {
	it("are scalars named so they do not clash with a user's own (no lists with gaps, no due date)", () => {
		const change = reviewProperties([...RESULTS, { step: 4, name: "Step 4", budget: 8, minutes: 0, overrun: 0, score: null, skipped: true }], "good");
		expect(change.set).toEqual({
			"step1-minutes": 6.5, "step1-overrun": 1.5, "step1-score": 3,
			"step2-minutes": 3.2, "step2-score": 2,
			"step4-score": "skipped",
			"mlsd-rating": "good",
		});
		for (const v of Object.values(change.set)) expect(["number", "string"]).toContain(typeof v);
		expect(change.remove).toEqual(expect.arrayContaining(["step-scores", "step-minutes", "step-overrun", "due", "step2-overrun", "step4-minutes"]));
		expect(change.remove).not.toContain("rating");
	});

	it("leave an unscored step unscored, and a user's own rating alone", () => {
		const unscored = reviewProperties([{ ...RESULTS[0]!, score: null }], "hard", "five stars");
		expect(unscored.set["step1-score"]).toBeUndefined();
		expect(unscored.remove).toContain("step1-score");
		expect(unscored.remove).not.toContain("rating");
		// The 0.1 rating of a note of ours is replaced by mlsd-rating.
		expect(reviewProperties(RESULTS, "hard", "good").remove).toContain("rating");
	});

	it("applied to an old note, read back the same, and validate", () => {
		const fm: Record<string, unknown> = { type: "practice", tags: ["mlsd/practice"], case: "[[Feed]]", date: "2026-01-20", rating: "again", due: "2026-01-21", "step-scores": [1, null, 2] };
		applyPropertyChange(fm, reviewProperties(RESULTS, "good", fm.rating));
		expect(fm).not.toHaveProperty("due");
		expect(fm).not.toHaveProperty("rating");
		expect(fm).not.toHaveProperty("step-scores");
		expect(sessionRating(fm)).toBe("good");
		expect([...scoredSteps(fm)]).toEqual([[1, 3], [2, 2]]);
		expect(validateProperties(fm)).toEqual([]);
	});

	it("name wrong values", () => {
		const bad = validateProperties({ type: "practice", tags: ["mlsd/practice"], case: "[[Feed]]", "session-date": "2026-01-20", "mlsd-rating": "Great", "step2-score": 5, "step3-score": "later", "step1-minutes": -1, "step-scores": [0, 2.5] });
		expect(bad.map((p) => p.property).sort()).toEqual(["mlsd-rating", "step-scores", "step1-minutes", "step2-score", "step3-score"]);
		expect(validateProperties({ type: "practice", tags: ["mlsd/practice"], case: "[[Feed]]" }).map((p) => p.property)).toEqual(["session-date"]);
		// A user's generic "rating" next to ours is not ours to judge.
		expect(validateProperties({ type: "practice", tags: ["mlsd/practice"], case: "[[Feed]]", "session-date": "2026-01-20", rating: "five stars" })).toEqual([]);
	});

	it("never crash on hand-edited values (property)", () => {
		const value = fc.oneof(fc.anything(), fc.array(fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null))));
		fc.assert(fc.property(value, value, value, value, (a, b, c, d) => {
			const fm = { type: "practice", tags: ["mlsd/practice"], case: "[[X]]", "session-date": "2026-01-01", "mlsd-rating": a, "step2-score": b, "step-minutes": c, "step3-minutes": d };
			const r = toRecord("P.md", fm, "personal");
			readSession(fm);
			return r !== null;
		}));
	});
});

describe("old practice notes (0.1) are still read", () => {
	const old = { type: "practice", tags: ["mlsd/practice"], case: "[[Feed]]", date: "2026-01-05", rating: "good", due: "2026-01-08", "step-scores": [3, null, 2], "step-minutes": [4, 0, 9.5], "step-overrun": [0, 0, 1.5] };
	it("date, rating, scores with gaps and timing", () => {
		expect(sessionDate(old)).toBe("2026-01-05");
		expect(sessionRating(old)).toBe("good");
		expect([...scoredSteps(old)]).toEqual([[1, 3], [3, 2]]);
		expect(readSession(old).steps.get(3)).toEqual({ step: 3, score: 2, minutes: 9.5, overrun: 1.5 });
		const record = toRecord("P.md", old, "personal");
		expect(record && "record" in record && record.record).toMatchObject({ type: "practice", caseName: "Feed", date: "2026-01-05" });
		expect(validateProperties(old)).toEqual([]);
	});
	it("a self-review of an old note starts from its scores", () => {
		const r = resultsFromProperties(old, STEPS);
		expect(r.map((x) => [x.step, x.score, x.minutes])).toEqual([[1, 3, 4], [2, null, 0], [3, 2, 9.5]]);
	});
});

describe("a partial drill", () => {
	const drill = practiceNote({ draw: DRAW, date: "2026-01-20", steps: STEPS, drillSteps: [2], checklist: CHECKLIST, totalMinutes: 17 }, stringifyYaml);
	it("records the steps it leaves out as skipped, and plans only the drilled ones", () => {
		const fm = fmOf(drill);
		expect(fm).toMatchObject({ "step1-score": "skipped", "step3-score": "skipped", "interview-minutes": 4, "session-date": "2026-01-20" });
		expect(fm).not.toHaveProperty("step2-score");
		expect([...skippedSteps(fm)].sort()).toEqual([1, 3]);
		expect(drill).toContain("| 2. Framing | 4 | 4 |");
		expect(drill).not.toContain("| 1. Clarifying requirements");
		expect(drill).toContain("> [!info] Partial drill: step 2");
		expect(checklistEntries(drill).map((e) => e.text)).toEqual(["Named the label", "Handled cold start"]);
		expect(validateProperties(fm)).toEqual([]);
	});
	it("keeps skipped steps skipped when reviewed later", () => {
		const r = resultsFromProperties(fmOf(drill), STEPS);
		expect(r.map((x) => [x.step, x.skipped ?? false])).toEqual([[1, true], [2, false], [3, true]]);
		const change = reviewProperties(r.map((x) => (x.step === 2 ? { ...x, score: 3 } : x)), "good");
		expect(change.set).toMatchObject({ "step1-score": "skipped", "step2-score": 3, "step3-score": "skipped" });
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

describe("checklist tally and ticking", () => {
	it("counts ticked items per step in the note's checklist, not the case's own items", () => {
		const ticked = NOTE.replace("- [ ] Asked about users", "- [x] Asked about users").replace("- [ ] Handled cold start", "- [x] Handled cold start");
		const t = checklistTally(ticked);
		expect([...t]).toEqual([[1, { ticked: 1, total: 2 }], [2, { ticked: 0, total: 1 }]]);
	});
	it("ticks and unticks one item in place, and nothing else", () => {
		const entries = checklistEntries(NOTE);
		expect(entries.map((e) => [e.step, e.text])).toEqual([[1, "Asked about users"], [1, "Stated scale"], [2, "Named the label"], [null, "Handled cold start"]]);
		const on = setChecklistItem(NOTE, entries[1]!.line, true);
		expect(checklistEntries(on).map((e) => e.done)).toEqual([false, true, false, false]);
		expect(setChecklistItem(on, entries[1]!.line, false)).toBe(NOTE);
		// A line that is not an item is left alone.
		expect(setChecklistItem(NOTE, 0, true)).toBe(NOTE);
	});
});

describe("the practice note's properties", () => {
	it("read back as written for any prompt, twist and case name (':', '#', quotes, newlines)", () => {
		const awkward = fc.oneof(fc.string(), fc.constantFrom("a: b", "#tag", "'single'", '"double"', "two\nlines", "- dash", "[[x]]", "null", "yes", "0123", " pad "));
		fc.assert(fc.property(awkward, fc.option(awkward.filter((s) => s !== ""), { nil: null }), awkward.filter((s) => s.trim() !== ""), (prompt, twist, caseName) => {
			const draw = { ...DRAW, caseName, prompt, twist };
			const note = practiceNote({ draw, date: "2026-01-20", steps: STEPS, checklist: CHECKLIST, totalMinutes: 17 }, stringifyYaml);
			const fm = fmOf(note);
			expect(fm).toEqual({
				type: "practice", case: `[[${caseName}]]`, prompt, ...(twist ? { twist } : {}), "session-date": "2026-01-20",
				"interview-minutes": 17, "mlsd-rating": null, tags: ["mlsd/practice"],
			});
			// The body starts right after the closing line, and a prompt with line breaks stays inside its callout.
			const body = splitFrontmatter(note).body;
			expect(body.startsWith("\n> [!question] Interview prompt\n")).toBe(true);
			expect(body).toContain(`> ${prompt.replace(/\r?\n/g, "\n> ")}\n`);
		}), { numRuns: 200 });
	});
});
