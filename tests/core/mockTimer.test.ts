import fc from "fast-check";
import {
	advanceDue, applyEvent, cueSchedule, cuesCrossed, formatClock, restoreTimer, scalePlan, startPlannedTimer, startTimer, timerLabel, timerView, timeUpCrossed,
	type PlanStep, type TimerEventType, type TimerState, type TimerView,
} from "../../src/core/mockTimer";
import { practisedSteps, stepResults } from "../../src/core/practice";

const MIN = 60_000;
const SEC = 1000;
const STEPS: PlanStep[] = [
	{ step: 1, name: "Step 1 - Clarifying requirements", minutes: 5 },
	{ step: 2, name: "Step 2 - Framing the problem as an ML task", minutes: 4 },
	{ step: 3, name: "Step 3 - Data preparation", minutes: 7 },
];

/** A fake clock and a timer driven through it, the way the plugin drives the real one. */
function interview(steps: PlanStep[] = STEPS, total = 16) {
	let now = 1_767_225_600_000; // 2026-01-01T00:00:00Z
	let state: TimerState = startTimer("Practice/P.md", steps, total, now);
	return {
		advance: (ms: number) => (now += ms),
		event: (type: TimerEventType) => (state = applyEvent(state, { type, at: now })),
		view: () => timerView(state, now),
		get state() {
			return state;
		},
	};
}

describe("a whole mock interview on a fake clock", () => {
	it("measures each step with a pause and an overrun, and stops every clock at the end", () => {
		const t = interview();
		expect(t.state.plan.map((p) => p.minutes)).toEqual([5, 4, 7]);

		// Step 1: four minutes, under budget.
		t.advance(4 * MIN);
		expect(t.view()).toMatchObject({ status: "running", stepIndex: 0, stepElapsedMs: 4 * MIN, stepRemainingMs: 1 * MIN });
		t.event("next");

		// Step 2: two minutes, a ten-minute pause, then four more: six minutes against a budget of four.
		t.advance(2 * MIN);
		t.event("pause");
		t.advance(10 * MIN);
		expect(t.view()).toMatchObject({ status: "paused", stepIndex: 1, stepElapsedMs: 2 * MIN, totalElapsedMs: 6 * MIN });
		t.event("resume");
		t.advance(1 * MIN + 59 * SEC);
		const before = t.view();
		t.advance(2 * SEC);
		const after = t.view();
		expect(timeUpCrossed(before, after)).toBe(1); // announced once, when the budget runs out...
		t.advance(2 * MIN - SEC);
		expect(timeUpCrossed(after, t.view())).toBeNull(); // ...and not again while over
		expect(t.view().stepRemainingMs).toBe(-2 * MIN); // the step is not cut off: the overrun is measured
		t.event("next");

		// Step 3: three minutes, then stop.
		t.advance(3 * MIN);
		t.event("stop");
		const end = t.view();
		t.advance(30 * MIN);
		expect(t.view()).toEqual(end);
		expect(end.status).toBe("finished");
		expect(end.perStep).toEqual([
			{ elapsedMs: 4 * MIN, overrunMs: 0 },
			{ elapsedMs: 6 * MIN, overrunMs: 2 * MIN },
			{ elapsedMs: 3 * MIN, overrunMs: 0 },
		]);
		expect(end.totalElapsedMs).toBe(13 * MIN);
		expect(t.state.events.map((e) => e.type)).toEqual(["start", "next", "pause", "resume", "next", "stop"]);
	});

	it("does not announce time up across a pause, a step change or the end", () => {
		const t = interview();
		t.advance(4 * MIN);
		t.event("pause");
		const paused = t.view();
		t.advance(60 * MIN);
		expect(timeUpCrossed(paused, t.view())).toBeNull();
		t.event("resume");
		const running = t.view();
		t.event("next");
		expect(timeUpCrossed(running, t.view())).toBeNull();
		t.advance(10 * MIN);
		const before = t.view();
		t.event("stop");
		expect(timeUpCrossed(before, t.view())).toBeNull();
	});

	it("ignores events the timer cannot take and clamps a clock that went backwards", () => {
		const t = interview();
		t.advance(MIN);
		const s = t.state;
		expect(applyEvent(s, { type: "resume", at: 0 })).toBe(s);
		expect(applyEvent(s, { type: "start", at: 0 })).toBe(s);
		t.event("pause");
		expect(applyEvent(t.state, { type: "pause", at: Date.now() })).toBe(t.state);
		const back = applyEvent(t.state, { type: "resume", at: 0 });
		expect(back.events.at(-1)).toEqual({ type: "resume", at: t.state.events.at(-1)!.at });
		t.event("stop");
		expect(applyEvent(t.state, { type: "next", at: Date.now() })).toBe(t.state);
	});

	it("finishes on next at the last step", () => {
		const t = interview();
		t.event("next");
		t.event("next");
		t.advance(MIN);
		t.event("next");
		expect(t.view()).toMatchObject({ status: "finished", stepIndex: 2, totalElapsedMs: MIN });
	});
});

describe("a partial drill with auto-advance, an overrun and a twist at its minute", () => {
	const FULL: PlanStep[] = [
		{ step: 1, name: "Step 1 - Clarifying requirements", minutes: 5 },
		{ step: 2, name: "Step 2 - Framing the problem as an ML task", minutes: 4 },
		{ step: 3, name: "Step 3 - Data preparation", minutes: 7 },
		{ step: 4, name: "Step 4 - Model development", minutes: 10 },
		{ step: 5, name: "Step 5 - Evaluation", minutes: 7 },
		{ step: 6, name: "Step 6 - Deployment and serving", minutes: 7 },
		{ step: 7, name: "Step 7 - Monitoring and infrastructure", minutes: 5 },
	];

	it("drills steps 3 and 4 only, each with its full-interview budget; the twist comes at minute 10 of the drill", () => {
		const plan = practisedSteps(FULL, [3, 4]);
		const cues = cueSchedule(plan, { twistMinute: 10, twist: "Labels arrive 60 days late.", followUps: ["How do you backfill?", "What about embeddings?"] });
		// 17 minutes leave room for one follow-up after the twist (one every four minutes at most).
		expect(cues.map((c) => [c.kind, c.atMs / MIN])).toEqual([["twist", 10], ["follow-up", 13]]);

		let now = 0;
		let state: TimerState = startPlannedTimer("P.md", plan, now, { autoAdvance: true, cues });
		let last: TimerView | null = null;
		const heard: string[] = [];
		const tick = (ms: number): void => {
			now += ms;
			state = advanceDue(state, now);
			const view = timerView(state, now);
			for (const c of cuesCrossed(state, last, view)) heard.push(`${c.kind}@${Math.round(view.totalElapsedMs / SEC)}s`);
			last = view;
		};
		// A clock that ticks once a second, as the plugin's does.
		for (let i = 0; i < 9 * 60; i++) tick(SEC);
		expect(timerView(state, now)).toMatchObject({ stepIndex: 1, stepElapsedMs: 2 * MIN });
		// Auto-advance recorded "next" at the moment step 3's budget ran out, not at the tick after.
		expect(state.events.map((e) => [e.type, e.at / MIN])).toEqual([["start", 0], ["next", 7]]);
		for (let i = 0; i < 11 * 60; i++) tick(SEC);
		// The last step is not ended automatically: it runs over and the overrun is measured.
		const view = timerView(state, now);
		expect(view).toMatchObject({ status: "running", stepIndex: 1, stepRemainingMs: -3 * MIN });
		expect(heard).toEqual(["twist@600s", "follow-up@780s"]);
		state = applyEvent(state, { type: "stop", at: now });
		const results = stepResults(state, timerView(state, now));
		expect(results.map((r) => [r.step, r.minutes, r.overrun, r.skipped ?? false])).toEqual([[3, 7, 0, false], [4, 13, 3, false]]);
	});

	it("without auto-advance, a budget that runs out only announces; a pause holds every cue", () => {
		const plan = practisedSteps(FULL, [1]);
		const cues = cueSchedule(plan, { twistMinute: 25, twist: "Traffic grows.", followUps: [] });
		// The drill is shorter than minute 25: the twist comes halfway through the single step.
		expect(cues).toEqual([{ kind: "twist", atMs: 2.5 * MIN, text: "Traffic grows." }]);
		let s = startPlannedTimer("P.md", plan, 0, { cues });
		expect(advanceDue(s, 6 * MIN)).toBe(s);
		s = applyEvent(s, { type: "pause", at: 2 * MIN });
		expect(cuesCrossed(s, timerView(s, 2 * MIN), timerView(s, 30 * MIN))).toEqual([]);
		s = applyEvent(s, { type: "resume", at: 30 * MIN });
		expect(cuesCrossed(s, timerView(s, 30 * MIN), timerView(s, 31 * MIN)).map((c) => c.kind)).toEqual(["twist"]);
	});

	it("places at most one follow-up every four minutes, after the twist, never in the last minute", () => {
		const followUps = ["a", "b", "c", "d", "e", "f", "g"];
		const cues = cueSchedule(FULL, { twistMinute: 25, twist: "T", followUps });
		const asked = cues.filter((c) => c.kind === "follow-up");
		expect(asked.map((c) => c.text)).toEqual(["a", "b", "c", "d"]);
		for (const c of asked) expect(c.atMs >= 28 * MIN && c.atMs <= 44 * MIN).toBe(true);
		for (let i = 1; i < asked.length; i++) expect(asked[i]!.atMs - asked[i - 1]!.atMs).toBeGreaterThanOrEqual(4 * MIN);
		expect(cueSchedule(FULL, { twistMinute: 0, twist: "T", followUps: [] })).toEqual([]);
	});

	it("survives a reload with its options and cues", () => {
		const s = startPlannedTimer("P.md", STEPS, 5, { autoAdvance: true, cues: [{ kind: "twist", atMs: MIN, text: "T" }] });
		expect(restoreTimer(JSON.parse(JSON.stringify(s)))).toEqual(s);
		expect(restoreTimer({ ...s, cues: [{ kind: "shout", atMs: 1, text: "x" }] })).toBeNull();
	});
});

describe("scalePlan", () => {
	it("scales budgets to the interview length in tenths of a minute, adding up exactly", () => {
		expect(scalePlan(STEPS, 32).map((p) => p.minutes)).toEqual([10, 8, 14]);
		expect(scalePlan(STEPS, 20).map((p) => p.minutes)).toEqual([6.3, 5, 8.7]);
		expect(scalePlan([], 45)).toEqual([{ step: 1, name: "Interview", minutes: 45 }]);
	});
	it("always adds up to the total, never negative (property)", () => {
		fc.assert(fc.property(
			fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 9 }),
			fc.integer({ min: 10, max: 180 }),
			(budgets, total) => {
				const plan = scalePlan(budgets.map((m, i) => ({ step: i + 1, name: `S${i}`, minutes: m })), total);
				const tenths = plan.reduce((n, p) => n + Math.round(p.minutes * 10), 0);
				return tenths === total * 10 && plan.every((p) => p.minutes >= 0);
			},
		));
	});
});

describe("labels", () => {
	it("shows the step, its name and the time left, or the overrun", () => {
		const t = interview();
		t.advance(48 * SEC);
		expect(timerLabel(t.state, t.view())).toBe("Step 1 · Clarifying requirements · 04:12");
		t.advance(5 * MIN + 42 * SEC);
		expect(timerLabel(t.state, t.view())).toBe("Step 1 · Clarifying requirements · +01:30 over");
		t.event("pause");
		expect(timerLabel(t.state, t.view())).toBe("Paused · Step 1 · Clarifying requirements · +01:30 over");
		expect(formatClock(3_723_000)).toBe("1:02:03");
	});
});

describe("restoreTimer", () => {
	it("round-trips through JSON", () => {
		const t = interview();
		t.advance(MIN);
		t.event("pause");
		expect(restoreTimer(JSON.parse(JSON.stringify(t.state)))).toEqual(t.state);
	});
	it.each([
		["nothing", null],
		["a string", "running"],
		["no path", { practicePath: "", plan: STEPS, events: [{ type: "start", at: 1 }] }],
		["an empty plan", { practicePath: "P.md", plan: [], events: [{ type: "start", at: 1 }] }],
		["a step without minutes", { practicePath: "P.md", plan: [{ step: 1, name: "A" }], events: [{ type: "start", at: 1 }] }],
		["no events", { practicePath: "P.md", plan: STEPS, events: [] }],
		["an unknown event", { practicePath: "P.md", plan: STEPS, events: [{ type: "start", at: 1 }, { type: "skip", at: 2 }] }],
		["not starting with start", { practicePath: "P.md", plan: STEPS, events: [{ type: "pause", at: 1 }] }],
		["time running backwards", { practicePath: "P.md", plan: STEPS, events: [{ type: "start", at: 5 }, { type: "pause", at: 1 }] }],
		["pause twice", { practicePath: "P.md", plan: STEPS, events: [{ type: "start", at: 1 }, { type: "pause", at: 2 }, { type: "pause", at: 3 }] }],
		["a time that is not a number", { practicePath: "P.md", plan: STEPS, events: [{ type: "start", at: "1" }] }],
	])("returns null for %s", (_label, raw) => {
		expect(restoreTimer(raw)).toBeNull();
	});
	it("never throws on arbitrary input (property)", () => {
		fc.assert(fc.property(fc.anything(), (raw) => {
			const r = restoreTimer(raw);
			return r === null || typeof r.practicePath === "string";
		}));
	});
});
