/**
 * A mock interview timer as data: a plan of step budgets and a log of events.
 * Every number the UI shows is computed from the log and "now", so the timer
 * survives reloads (the log is persisted) and is tested with a fake clock.
 *
 * Steps advance on "next" (a click on the clock, the ribbon icon or the
 * command): a step whose budget runs out keeps counting, and the overrun is
 * measured. With auto-advance, "next" is recorded at the exact moment the
 * budget ran out. A pause stops every clock. Cues (the twist, follow-up
 * questions) are due at fixed minutes of interview time.
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

export const CUE_KINDS = ["twist", "follow-up"] as const;
export type CueKind = (typeof CUE_KINDS)[number];

/** Something the interviewer says at a minute of interview time. */
export interface Cue {
	kind: CueKind;
	/** Interview time (paused time does not count), in milliseconds. */
	atMs: number;
	text: string;
}

export interface TimerState {
	practicePath: string;
	plan: PlanStep[];
	events: TimerEvent[];
	/** Move to the next step when a budget runs out. */
	autoAdvance?: boolean;
	cues?: Cue[];
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

/** A timer over budgets already set (a partial drill keeps each step's share of the full interview). */
export function startPlannedTimer(practicePath: string, plan: readonly PlanStep[], at: number, options: { autoAdvance?: boolean; cues?: Cue[] } = {}): TimerState {
	return {
		practicePath,
		plan: plan.map((p) => ({ ...p })),
		events: [{ type: "start", at }],
		...(options.autoAdvance ? { autoAdvance: true } : {}),
		...(options.cues && options.cues.length > 0 ? { cues: [...options.cues].sort((a, b) => a.atMs - b.atMs) } : {}),
	};
}

export interface CueOptions {
	/** Minute of interview time for the twist; 0 turns the fixed minute off. */
	twistMinute: number;
	twist: string | null;
	/** Follow-up questions, in the order the interviewer asks them. */
	followUps: readonly string[];
}

/**
 * When the interviewer speaks. The twist comes at its minute; in a plan too
 * short for that minute, at the start of the last step. Follow-up questions
 * come in order over the last part of the interview, after the twist, one
 * every few minutes (at most one per four minutes, never in the final minute).
 */
export function cueSchedule(plan: readonly PlanStep[], options: CueOptions): Cue[] {
	const total = plan.reduce((n, p) => n + p.minutes, 0) * MINUTE;
	if (total <= 0) return [];
	const cues: Cue[] = [];
	let after = 0;
	if (options.twist && options.twistMinute > 0) {
		const lastStart = plan.slice(0, -1).reduce((n, p) => n + p.minutes, 0) * MINUTE;
		const at = options.twistMinute * MINUTE < total ? options.twistMinute * MINUTE : plan.length > 1 ? lastStart : total / 2;
		cues.push({ kind: "twist", atMs: at, text: options.twist });
		after = at;
	}
	if (options.followUps.length > 0) {
		const start = Math.max(after + 3 * MINUTE, (total * 2) / 3);
		const end = total - MINUTE;
		const room = Math.floor((end - start) / (4 * MINUTE)) + 1;
		const n = end >= start ? Math.min(options.followUps.length, room) : 0;
		for (let i = 0; i < n; i++) {
			const at = n === 1 ? start : start + ((end - start) * i) / (n - 1);
			cues.push({ kind: "follow-up", atMs: Math.round(at), text: options.followUps[i]! });
		}
	}
	return cues.sort((a, b) => a.atMs - b.atMs);
}

/** Cues whose minute passed between two views (each cue is announced once, in order). */
export function cuesCrossed(state: TimerState, prev: TimerView | null, next: TimerView): Cue[] {
	const from = prev?.totalElapsedMs ?? -1;
	return (state.cues ?? []).filter((c) => c.atMs > from && c.atMs <= next.totalElapsedMs);
}

/**
 * With auto-advance on, the state after every budget that ran out by `now`
 * moved the interview on, each "next" recorded at the moment its budget ended.
 * The last step is not ended automatically: the candidate finishes their sentence.
 */
export function advanceDue(state: TimerState, now: number): TimerState {
	if (!state.autoAdvance) return state;
	let s = state;
	for (let guard = 0; guard < s.plan.length; guard++) {
		const view = timerView(s, now);
		if (view.status !== "running" || view.stepIndex + 1 >= s.plan.length || view.stepRemainingMs > 0) return s;
		const next = applyEvent(s, { type: "next", at: now + view.stepRemainingMs });
		if (next === s) return s;
		s = next;
	}
	return s;
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

function readCue(raw: unknown): Cue | null {
	if (!isObject(raw)) return null;
	const { kind, atMs, text } = raw;
	if (typeof kind !== "string" || !(CUE_KINDS as readonly string[]).includes(kind)) return null;
	if (typeof atMs !== "number" || !Number.isFinite(atMs) || atMs < 0 || typeof text !== "string") return null;
	return { kind: kind as CueKind, atMs, text };
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
	const cues = Array.isArray(raw.cues) ? raw.cues.map(readCue) : [];
	if (cues.some((c) => c === null)) return null;
	return {
		practicePath: raw.practicePath, plan: plan as PlanStep[], events: events as TimerEvent[],
		...(raw.autoAdvance === true ? { autoAdvance: true } : {}),
		...(cues.length > 0 ? { cues: cues as Cue[] } : {}),
	};
}
