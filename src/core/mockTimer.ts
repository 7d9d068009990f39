/**
 * A mock interview timer as data: a plan of step budgets and a log of events.
 * Every number the UI shows is computed from the log and "now", so the timer
 * survives reloads (the log is persisted) and is tested with a fake clock.
 *
 * Steps advance only on "next": a step whose budget runs out keeps counting,
 * and the overrun is measured. A pause stops every clock.
 */
import { stepTitle } from "./checklist";

export interface PlanStep {
	step: number;
	name: string;
	/** Budget in minutes (may have one decimal after scaling). */
	minutes: number;
}

export const TIMER_EVENTS = ["start", "pause", "resume", "next", "stop"] as const;
export type TimerEventType = (typeof TIMER_EVENTS)[number];

export interface TimerEvent {
	type: TimerEventType;
	/** Epoch milliseconds. */
	at: number;
}

export interface TimerState {
	practicePath: string;
	plan: PlanStep[];
	events: TimerEvent[];
}

export type TimerStatus = "running" | "paused" | "finished";

export interface StepTiming {
	elapsedMs: number;
	overrunMs: number;
}

export interface TimerView {
	status: TimerStatus;
	stepIndex: number;
	stepElapsedMs: number;
	/** Budget left in the current step; negative once it is over. */
	stepRemainingMs: number;
	totalElapsedMs: number;
	perStep: StepTiming[];
}

const MINUTE = 60_000;

/** Budgets scaled so they add up to `totalMinutes` exactly, in tenths of a minute (largest remainder). */
export function scalePlan(steps: readonly PlanStep[], totalMinutes: number): PlanStep[] {
	if (steps.length === 0) return [{ step: 1, name: "Interview", minutes: totalMinutes }];
	const sum = steps.reduce((n, s) => n + Math.max(0, s.minutes), 0);
	const weights = steps.map((s) => (sum > 0 ? Math.max(0, s.minutes) / sum : 1 / steps.length));
	const tenths = Math.round(totalMinutes * 10);
	const exact = weights.map((w) => w * tenths);
	const floors = exact.map(Math.floor);
	let left = tenths - floors.reduce((a, b) => a + b, 0);
	const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
	for (const { i } of order) {
		if (left <= 0) break;
		floors[i]!++;
		left--;
	}
	return steps.map((s, i) => ({ step: s.step, name: s.name, minutes: floors[i]! / 10 }));
}

/** A new timer, started at `at`, with budgets scaled to the interview length. */
export function startTimer(practicePath: string, steps: readonly PlanStep[], totalMinutes: number, at: number): TimerState {
	return { practicePath, plan: scalePlan(steps, totalMinutes), events: [{ type: "start", at }] };
}

interface Replay {
	status: TimerStatus | "new";
	stepIndex: number;
	elapsed: number[];
	/** When the clock last started (running only). */
	since: number;
	lastAt: number;
}

function emptyReplay(plan: readonly PlanStep[]): Replay {
	return { status: "new", stepIndex: 0, elapsed: plan.map(() => 0), since: 0, lastAt: -Infinity };
}

/** Whether an event may follow the timer's current status. */
function accepts(r: Replay, type: TimerEventType): boolean {
	switch (r.status) {
		case "new": return type === "start";
		case "running": return type === "pause" || type === "next" || type === "stop";
		case "paused": return type === "resume" || type === "next" || type === "stop";
		case "finished": return false;
	}
}

function bank(r: Replay, at: number): void {
	if (r.status === "running") r.elapsed[r.stepIndex] = (r.elapsed[r.stepIndex] ?? 0) + (at - r.since);
	r.since = at;
}

/** Applies one event to a replay in place; returns false (and changes nothing) when it is not allowed. */
function step(r: Replay, e: TimerEvent, planLength: number): boolean {
	if (!accepts(r, e.type) || !Number.isFinite(e.at) || e.at < r.lastAt) return false;
	bank(r, e.at);
	r.lastAt = e.at;
	switch (e.type) {
		case "start":
		case "resume":
			r.status = "running";
			break;
		case "pause":
			r.status = "paused";
			break;
		case "next":
			if (r.stepIndex + 1 < planLength) r.stepIndex++;
			else r.status = "finished";
			break;
		case "stop":
			r.status = "finished";
			break;
	}
	return true;
}

function replay(state: TimerState): Replay {
	const r = emptyReplay(state.plan);
	for (const e of state.events) step(r, e, state.plan.length);
	return r;
}

/**
 * The state after an event. An event the timer cannot take now (pause while
 * paused, anything after stop) is ignored; a clock that went backwards is
 * clamped to the last event's time.
 */
export function applyEvent(state: TimerState, event: TimerEvent): TimerState {
	const r = replay(state);
	const at = Math.max(event.at, r.lastAt);
	if (!step(r, { type: event.type, at }, state.plan.length)) return state;
	return { ...state, events: [...state.events, { type: event.type, at }] };
}

export function timerView(state: TimerState, now: number): TimerView {
	const r = replay(state);
	if (r.status === "running") bank(r, Math.max(now, r.lastAt));
	const perStep = state.plan.map((p, i) => {
		const elapsedMs = r.elapsed[i] ?? 0;
		return { elapsedMs, overrunMs: Math.max(0, elapsedMs - p.minutes * MINUTE) };
	});
	const stepIndex = Math.min(r.stepIndex, Math.max(0, state.plan.length - 1));
	const stepElapsedMs = perStep[stepIndex]?.elapsedMs ?? 0;
	return {
		status: r.status === "new" ? "paused" : r.status,
		stepIndex,
		stepElapsedMs,
		stepRemainingMs: (state.plan[stepIndex]?.minutes ?? 0) * MINUTE - stepElapsedMs,
		totalElapsedMs: perStep.reduce((n, s) => n + s.elapsedMs, 0),
		perStep,
	};
}

/** The step whose budget ran out between two views (to announce "time is up"), or null. */
export function timeUpCrossed(prev: TimerView, next: TimerView): number | null {
	if (next.status === "finished" || prev.stepIndex !== next.stepIndex) return null;
	return prev.stepRemainingMs > 0 && next.stepRemainingMs <= 0 ? next.stepIndex : null;
}

/** Minutes with one decimal, as written into practice notes. */
export function toMinutes(ms: number): number {
	return Math.round(ms / 6_000) / 10;
}

/** `mm:ss` (or `h:mm:ss`) of a duration, rounding down to the second. */
export function formatClock(ms: number): string {
	const total = Math.floor(Math.abs(ms) / 1000);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const mm = String(m).padStart(2, "0");
	const ss = String(s).padStart(2, "0");
	return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The status bar text: "Step 3 · Data preparation · 04:12" or "... · +01:30 over". */
export function timerLabel(state: TimerState, view: TimerView): string {
	const p = state.plan[view.stepIndex];
	if (!p) return "";
	const clock = view.stepRemainingMs >= 0 ? formatClock(view.stepRemainingMs) : `+${formatClock(view.stepRemainingMs)} over`;
	const prefix = view.status === "paused" ? "Paused · " : "";
	return `${prefix}Step ${p.step} · ${stepTitle(p.name)} · ${clock}`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function readPlanStep(raw: unknown): PlanStep | null {
	if (!isObject(raw)) return null;
	const { step: n, name, minutes } = raw;
	if (typeof n !== "number" || !Number.isInteger(n) || typeof name !== "string") return null;
	if (typeof minutes !== "number" || !Number.isFinite(minutes) || minutes < 0) return null;
	return { step: n, name, minutes };
}

function readEvent(raw: unknown): TimerEvent | null {
	if (!isObject(raw)) return null;
	const { type, at } = raw;
	if (typeof type !== "string" || !(TIMER_EVENTS as readonly string[]).includes(type)) return null;
	if (typeof at !== "number" || !Number.isFinite(at)) return null;
	return { type: type as TimerEventType, at };
}

/** A persisted timer (PluginData.timer) checked field by field; null for anything malformed. */
export function restoreTimer(raw: unknown): TimerState | null {
	if (!isObject(raw) || typeof raw.practicePath !== "string" || raw.practicePath.trim() === "") return null;
	if (!Array.isArray(raw.plan) || raw.plan.length === 0 || !Array.isArray(raw.events) || raw.events.length === 0) return null;
	const plan = raw.plan.map(readPlanStep);
	const events = raw.events.map(readEvent);
	if (plan.some((p) => p === null) || events.some((e) => e === null)) return null;
	const r = emptyReplay(plan as PlanStep[]);
	for (const e of events as TimerEvent[]) if (!step(r, e, plan.length)) return null;
	return { practicePath: raw.practicePath, plan: plan as PlanStep[], events: events as TimerEvent[] };
}
