import fc from "fast-check";
import {
	applyEvent, formatClock, restoreTimer, scalePlan, startTimer, timerLabel, timerView, timeUpCrossed,
	type PlanStep, type TimerEventType, type TimerState,
} from "../../src/core/mockTimer";

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
