/**
 * The running mock interview: a status bar clock, notices on step changes and
 * when a step's time is up, and the timer's state kept in the plugin's data
 * so it survives closing the note or reloading Obsidian. All timing comes
 * from src/core/mockTimer.ts; this class only wires it to the app.
 *
 * It follows the practice note through renames and stops when the note is
 * deleted, so it never writes into a note that is no longer there.
 */
import { Notice, Platform, TAbstractFile, TFolder } from "obsidian";
import { stepTitle } from "../../core/checklist";
import {
	applyEvent, restoreTimer, startTimer, timerLabel, timerView, timeUpCrossed,
	type PlanStep, type TimerEventType, type TimerState, type TimerView,
} from "../../core/mockTimer";
import { noteName } from "../../core/paths";
import type { PluginHost } from "../host";

const TICK_MS = 1000;

export interface EndedInterview {
	state: TimerState;
	view: TimerView;
}

export class TimerService {
	private state: TimerState | null = null;
	private last: TimerView | null = null;
	private statusEl: HTMLElement | null = null;
	private intervalId: number | null = null;

	constructor(private readonly host: PluginHost, private readonly now: () => number = () => Date.now()) {}

	/** Adds the status bar item and follows renames and deletions; restores a saved interview once the layout is ready. */
	register(): void {
		const { app, plugin } = this.host;
		// Obsidian mobile has no status bar: there the clock floats above the note instead.
		if (Platform.isMobile) {
			this.statusEl = activeDocument.body.createDiv({ cls: "mlsd-timer-floating" });
			const el = this.statusEl;
			plugin.register(() => el.detach());
		} else this.statusEl = plugin.addStatusBarItem();
		this.statusEl.addClass("mlsd-timer");
		this.statusEl.setAttr("aria-label", "Mock interview: click to pause or resume");
		this.statusEl.hide();
		plugin.registerDomEvent(this.statusEl, "click", () => this.togglePause());
		// Keyboard users can reach the clock too.
		this.statusEl.setAttr("role", "button");
		this.statusEl.setAttr("tabindex", 0);
		plugin.registerDomEvent(this.statusEl, "keydown", (e: KeyboardEvent) => {
			if (e.key === "Enter" || e.key === " ") {
				e.preventDefault();
				this.togglePause();
			}
		});
		// When Obsidian closes or the plugin is turned off mid-interview, the clock pauses there,
		// so reopening the next day does not count the night as interview time.
		plugin.register(() => this.pauseForUnload());
		plugin.registerEvent(app.vault.on("rename", (file: TAbstractFile, oldPath: string) => this.followRename(file, oldPath)));
		plugin.registerEvent(app.vault.on("delete", (file: TAbstractFile) => this.onDeleted(file)));
		app.workspace.onLayoutReady(() => this.restore());
	}

	get active(): TimerState | null {
		return this.state;
	}

	view(): TimerView | null {
		return this.state ? timerView(this.state, this.now()) : null;
	}

	begin(practicePath: string, steps: readonly PlanStep[], totalMinutes: number): void {
		this.state = startTimer(practicePath, steps, totalMinutes, this.now());
		this.last = null;
		this.persist();
		this.announceStep(0, "Mock interview started. ");
		this.startTicking();
		this.tick();
	}

	private pauseForUnload(): void {
		if (this.view()?.status !== "running" || !this.state) return;
		this.state = applyEvent(this.state, { type: "pause", at: this.now() });
		this.host.data.timer = this.state;
		void this.host.save();
	}

	togglePause(): void {
		const view = this.view();
		if (!view) return;
		this.apply(view.status === "paused" ? "resume" : "pause");
		new Notice(this.view()?.status === "paused" ? "Mock interview paused." : "Mock interview resumed.");
	}

	next(): void {
		const before = this.view();
		if (!before) return;
		if (before.stepIndex + 1 >= (this.state?.plan.length ?? 0)) {
			new Notice("This is the last step. Stop the mock interview to finish and review it.");
			return;
		}
		this.apply("next");
		const after = this.view();
		if (after && after.stepIndex !== before.stepIndex) this.announceStep(after.stepIndex, "");
	}

	/** Stops the clock and forgets the interview; returns what was timed. */
	stop(): EndedInterview | null {
		if (!this.state) return null;
		const state = applyEvent(this.state, { type: "stop", at: this.now() });
		const ended = { state, view: timerView(state, this.now()) };
		this.clear();
		return ended;
	}

	private apply(type: TimerEventType): void {
		if (!this.state) return;
		this.state = applyEvent(this.state, { type, at: this.now() });
		this.persist();
		this.tick();
	}

	private announceStep(index: number, prefix: string): void {
		const p = this.state?.plan[index];
		if (!p) return;
		new Notice(`${prefix}Step ${p.step}: ${stepTitle(p.name)}, ${p.minutes} min.`);
	}

	private tick(): void {
		if (!this.state) return;
		const view = timerView(this.state, this.now());
		const crossed = this.last ? timeUpCrossed(this.last, view) : null;
		const p = crossed === null ? undefined : this.state.plan[crossed];
		if (p) new Notice(`Time is up for step ${p.step} (${stepTitle(p.name)}). Move on with "Next interview step" when you are ready.`);
		this.last = view;
		this.render(view);
	}

	private render(view: TimerView): void {
		const el = this.statusEl;
		if (!el || !this.state) return;
		el.setText(timerLabel(this.state, view));
		el.toggleClass("mlsd-timer-over", view.stepRemainingMs < 0);
		el.toggleClass("mlsd-timer-paused", view.status === "paused");
		el.show();
	}

	private startTicking(): void {
		if (this.intervalId !== null) return;
		this.intervalId = this.host.plugin.registerInterval(window.setInterval(() => this.tick(), TICK_MS));
	}

	private stopTicking(): void {
		if (this.intervalId !== null) window.clearInterval(this.intervalId);
		this.intervalId = null;
	}

	private persist(): void {
		this.host.data.timer = this.state;
		void this.host.save();
	}

	private clear(): void {
		this.state = null;
		this.last = null;
		this.stopTicking();
		this.statusEl?.hide();
		this.persist();
	}

	/** Picks up a saved interview; drops one that is unreadable, finished or whose note is gone. */
	private restore(): void {
		const raw = this.host.data.timer;
		if (raw === null || raw === undefined || this.state) return;
		const state = restoreTimer(raw);
		if (!state || timerView(state, this.now()).status === "finished") {
			this.clear();
			return;
		}
		if (!this.host.app.vault.getFileByPath(state.practicePath)) {
			new Notice(`The practice note of the saved mock interview ("${noteName(state.practicePath)}") is gone, so the timer was discarded.`);
			this.clear();
			return;
		}
		this.state = state;
		this.startTicking();
		this.tick();
	}

	private followRename(file: TAbstractFile, oldPath: string): void {
		if (!this.state) return;
		const path = this.state.practicePath;
		if (path === oldPath) this.state = { ...this.state, practicePath: file.path };
		else if (file instanceof TFolder && path.startsWith(`${oldPath}/`)) this.state = { ...this.state, practicePath: file.path + path.slice(oldPath.length) };
		else return;
		this.persist();
	}

	private onDeleted(file: TAbstractFile): void {
		const path = this.state?.practicePath;
		if (!path || (file.path !== path && !path.startsWith(`${file.path}/`))) return;
		new Notice(`The practice note "${noteName(path)}" was deleted, so the mock interview was stopped and nothing was written.`);
		this.clear();
	}
}
