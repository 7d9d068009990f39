import { readFileSync } from "fs";
import { barWidth, polyline, scorePoints, scoreY } from "../../src/core/charts";
import { cardMarkdown, followUpsIn, interviewerCard, withTwistNote } from "../../src/core/interviewerCard";

const STEPS = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ step: n, name: `Step ${n} - S${n}` }));

describe("the interviewer's card", () => {
	it("is derived from a shipped case's sections", () => {
		const text = readFileSync("vault-template/Case studies/Real-time payment fraud detection.md", "utf8");
		const card = interviewerCard({ caseName: "Real-time payment fraud detection", caseText: text, prompt: "Design fraud detection.", steps: STEPS });
		expect(card.clarifying).toContain("|");
		expect(card.followUps.length).toBeGreaterThanOrEqual(4);
		expect(card.followUps[0]!.question).toMatch(/\?$/);
		expect(card.followUps[0]!.answer).toMatch(/card testing/i);
		expect(card.redFlags).toMatch(/^- /);
		expect(card.steps.map((s) => [s.step, s.section])).toEqual([
			[1, "Clarifying questions"], [2, "Framing as an ML task"], [3, "Data and features"], [4, "Model"], [5, "Evaluation"], [6, "Serving"], [7, "Monitoring"],
		]);
		expect(card.steps.every((s) => s.markdown !== null)).toBe(true);
		// Without an "In 45 minutes" plan, the hints come from the case's checklist.
		expect(card.hintSource === "plan" || card.hintSource === "checklist").toBe(true);
		expect(card.hints.length).toBeGreaterThanOrEqual(5);
	});

	it("takes hints from the 45-minute plan when there is one, and adds the twist's model answer", () => {
		const text = "---\ntype: case-study\n---\n## In 45 minutes\n\n1. **0-5 min** Scope it.\n2. **5-10 min** Frame it.\n\n## Checklist\n\n- [ ] Item\n\n## Follow-up questions\n\n- What if traffic doubles?\n- Why not a bigger model? Because latency.\n";
		let card = interviewerCard({ caseName: "Mine", caseText: text, steps: STEPS.slice(0, 2), twist: { name: "Twist - T", text: "Traffic grows." } });
		expect(card.hints).toEqual(["**0-5 min** Scope it.", "**5-10 min** Frame it."]);
		expect(card.hintSource).toBe("plan");
		expect(card.followUps).toEqual([{ question: "What if traffic doubles?", answer: null }, { question: "Why not a bigger model?", answer: "Because latency." }]);
		expect(card.steps.map((s) => s.markdown)).toEqual([null, null]);
		card = withTwistNote(card, "Twist - T", "---\ntype: twist\n---\nTraffic grows.\n\n## What changes\n\nServing.\n\n## Model answer\n\nCache and distil.\n");
		expect(card.twist).toEqual({ name: "Twist - T", text: "Traffic grows.", whatChanges: "Serving.", modelAnswer: "Cache and distil." });
		const md = cardMarkdown(card);
		expect(md).toContain("## Follow-up questions, in order\n\n1. **What if traffic doubles?**\n2. **Why not a bigger model?** Because latency.");
		expect(md).toContain("### Model answer\n\nCache and distil.");
		expect(md).toContain('The case has no "Clarifying questions" section.');
	});

	it("reads follow-ups written as bold questions with answers, or as plain list items", () => {
		expect(followUpsIn("**Q1?** A1.\n\n**Q2:** A2\n\n1. Q3\n2. Q4? A4")).toEqual([
			{ question: "Q1?", answer: "A1." }, { question: "Q2:", answer: "A2" }, { question: "Q3", answer: null }, { question: "Q4?", answer: "A4" },
		]);
	});
});

describe("chart geometry", () => {
	const box = { width: 100, height: 40, pad: 5 };
	it("puts score 4 at the top and 1 at the bottom, oldest on the left", () => {
		expect(scorePoints([1, 4, 2.5], box)).toEqual([{ x: 5, y: 35 }, { x: 50, y: 5 }, { x: 95, y: 20 }]);
		expect(scorePoints([3], box)).toEqual([{ x: 50, y: scoreY(3, box) }]);
		expect(polyline([{ x: 1, y: 2 }, { x: 3, y: 4 }])).toBe("1,2 3,4");
	});
	it("sizes bars, never negative, visible for any value above zero", () => {
		expect([barWidth(0, 5, 100), barWidth(5, 5, 100), barWidth(0.01, 5, 100), barWidth(9, 5, 100), barWidth(1, 0, 100)]).toEqual([0, 100, 2, 100, 0]);
	});
});
