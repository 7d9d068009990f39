/**
 * The running mock interview: a clock in the status bar (floating above the
 * note on mobile) that advances to the next step when clicked, a pause
 * button beside it, a ribbon icon that starts or advances the interview,
 * optional auto-advance at each budget, an optional sound cue, and the
 * interviewer's cues (the twist at its minute, follow-up questions) as
 * notices. The state is kept in the plugin's data, so it survives closing the
 * note or reloading Obsidian. All timing comes from src/core/mockTimer.ts;
 * this class only wires it to the app.
 *
 * It follows the practice note through renames and stops when the note is
 * deleted, so it never writes into a note that is no longer there.
 */
import { Notice, Platform, setIcon, TAbstractFile, TFolder } from "obsidian";
import { stepTitle } from "../../core/checklist";
import {
	advanceDue, applyEvent, cuesCrossed, restoreTimer, startPlannedTimer, startTimer, timerLabel, timerView, timeUpCrossed,
	type Cue, type PlanStep, type TimerEventType, type TimerState, type TimerView,
} from "../../core/mockTimer";
import { noteName } from "../../core/paths";
import type { PluginHost } from "../host";
import { SoundCue } from "./SoundCue";

const TICK_MS = 1000;
/** How long an interviewer's cue stays on screen (a twist stays until dismissed). */
const CUE_NOTICE_MS = 20_000;

export interface EndedInterview {
	state: TimerState;
	view: TimerView;
}

export interface TimerHandlers {
	/** The clock or the ribbon was used with no interview running (start one on the open note). */
	onIdle(): void;
	/** The last step was advanced past: finish and review. */
	onFinish(): void;
}

export class TimerService {
	private state: TimerState | null = null;
	private last: TimerView | null = null;
	private statusEl: HTMLElement | null = null;
	private labelEl: HTMLElement | null = null;
	private pauseEl: HTMLElement | null = null;
	private intervalId: number | null = null;
	private handlers: TimerHandlers | null = null;
	readonly sound: SoundCue;

	constructor(private readonly host: PluginHost, private readonly now: () => number = () => Date.now()) {
		this.sound = new SoundCue(() => this.host.data.settings.soundCue);
	}

	/** Adds the clock and the ribbon icon and follows renames and deletions; restores a saved interview once the layout is ready. */
	register(handlers: TimerHandlers): void {
		this.handlers = handlers;
		const { app, plugin } = this.host;
		// Obsidian mobile has no status bar: there the clock floats above the note instead.
		if (Platform.isMobile) {
			this.statusEl = activeDocument.body.createDiv({ cls: "mlsd-timer-floating" });
			const el = this.statusEl;
			plugin.register(() => el.detach());
		} else this.statusEl = plugin.addStatusBarItem();
		this.statusEl.addClass("mlsd-timer");
		this.statusEl.hide();
		this.labelEl = this.statusEl.createSpan({ cls: "mlsd-timer-label", attr: { role: "button", tabindex: 0, "aria-label": "Mock interview: click for the next step" } });
		this.pauseEl = this.statusEl.createSpan({ cls: "mlsd-timer-pause clickable-icon", attr: { role: "button", tabindex: 0, "aria-label": "Pause or resume the mock interview" } });
		setIcon(this.pauseEl, "pause");
		const activate = (el: HTMLElement, run: () => void): void => {
			plugin.registerDomEvent(el, "click", (e: MouseEvent) => {
				e.stopPropagation();
				run();
			});
			// Keyboard users can reach the clock too.
			plugin.registerDomEvent(el, "keydown", (e: KeyboardEvent) => {
				if (e.key === "Enter" || e.key === " ") {
					e.preventDefault();
					run();
				}
			});
		};
		activate(this.labelEl, () => this.advance());
		activate(this.pauseEl, () => this.togglePause());
		plugin.addRibbonIcon("timer", "Mock interview: start, or go to the next step", () => this.advance());
		// When Obsidian closes or the plugin is turned off mid-interview, the clock pauses there,
		// so reopening the next day does not count the night as interview time.
		plugin.register(() => this.pauseForUnload());
		plugin.register(() => this.sound.close());
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

	/** A mock interview over the whole framework, budgets scaled to the interview length. */
	begin(practicePath: string, steps: readonly PlanStep[], totalMinutes: number): void {
		this.start(startTimer(practicePath, steps, totalMinutes, this.now()));
	}

	/** A mock interview over budgets already set (a partial drill), with auto-advance and cues. */
	beginPlanned(practicePath: string, plan: readonly PlanStep[], options: { autoAdvance?: boolean; cues?: Cue[] }): void {
		this.start(startPlannedTimer(practicePath, plan, this.now(), options));
	}

	private start(state: TimerState): void {
		this.state = state;
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

	/** The clock, the ribbon icon: start an interview, go to the next step, or finish after the last. */
	advance(): void {
		const view = this.view();
		if (!view || !this.state) {
			this.handlers?.onIdle();
			return;
		}
		if (view.stepIndex + 1 >= this.state.plan.length) {
			this.handlers?.onFinish();
			return;
		}
		this.next();
	}

	next(): void {
		const before = this.view();
		if (!before) return;
		if (before.stepIndex + 1 >= (this.state?.plan.length ?? 0)) {
			new Notice("This is the last step. Click the clock or stop the mock interview to finish and review it.");
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

	private announceCue(cue: Cue): void {
		const minute = Math.round(cue.atMs / 60_000);
		const frag = createFragment((f) => {
			f.createDiv({ cls: "mlsd-cue-label", text: cue.kind === "twist" ? `Interviewer, minute ${minute}: a twist` : `Interviewer, minute ${minute}: a follow-up question` });
			f.createDiv({ cls: "mlsd-cue-text", text: cue.text });
		});
		new Notice(frag, cue.kind === "twist" ? 0 : CUE_NOTICE_MS);
		this.sound.play("interviewer");
	}

	private tick(): void {
		if (!this.state) return;
		const now = this.now();
		const before = this.state.autoAdvance ? timerView(this.state, now).stepIndex : -1;
		const advanced = advanceDue(this.state, now);
		if (advanced !== this.state) {
			this.state = advanced;
			this.persist();
			const view = timerView(this.state, now);
			// The budgets that ran out are announced as the move on, not as "time is up".
			if (this.last) this.last = { ...this.last, stepIndex: view.stepIndex, stepRemainingMs: view.stepRemainingMs };
			if (view.stepIndex !== before) {
				this.announceStep(view.stepIndex, "Time is up. ");
				this.sound.play("time-up");
			}
		}
		const view = timerView(this.state, now);
		const crossed = this.last ? timeUpCrossed(this.last, view) : null;
		const p = crossed === null ? undefined : this.state.plan[crossed];
		if (p) {
			const last = crossed === this.state.plan.length - 1;
			new Notice(`Time is up for step ${p.step} (${stepTitle(p.name)}). ${last ? "Click the clock to finish and review." : "Click the clock to move on."}`, 10_000);
			this.sound.play("time-up");
		}
		for (const cue of cuesCrossed(this.state, this.last, view)) this.announceCue(cue);
		this.last = view;
		this.render(view);
	}

	private render(view: TimerView): void {
		const el = this.statusEl;
		if (!el || !this.state) return;
		this.labelEl?.setText(timerLabel(this.state, view));
		if (this.pauseEl) setIcon(this.pauseEl, view.status === "paused" ? "play" : "pause");
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
		// Cues and budgets that passed before the reload are not announced again.
		this.last = timerView(state, this.now());
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
