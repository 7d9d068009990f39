/**
 * "Practise this case": the whole interview or a partial drill of chosen
 * steps, with or without a twist, as a practice note or straight into a mock
 * interview. Steps left out are recorded as skipped, never as scores.
 */
import { Modal, Notice, Setting } from "obsidian";
import type { CaseRecord } from "../../core/catalog";
import { stepTitle } from "../../core/checklist";
import { scalePlan } from "../../core/mockTimer";
import type { CatalogService } from "../CatalogService";
import { CaseSuggestModal } from "../CaseSuggestModal";
import type { PluginHost } from "../host";
import { startPractice } from "../practice";
import { drawFor } from "./actions";
import { beginMock } from "./mock";
import type { TimerService } from "./TimerService";

export class PractiseModal extends Modal {
	private chosen: Set<number>;
	private twist: boolean;
	private busy = false;

	constructor(
		private readonly host: PluginHost,
		private readonly catalog: CatalogService,
		private readonly timer: TimerService | null,
		private readonly practised: CaseRecord,
		preselected: readonly number[] | null = null,
	) {
		super(host.app);
		const all = catalog.get().steps().map((s) => s.step);
		this.chosen = new Set(preselected && preselected.length > 0 ? preselected.filter((n) => all.includes(n)) : all);
		this.twist = host.data.settings.promptFilters.twist;
	}

	onOpen(): void {
		this.setTitle(`Practise: ${this.practised.name}`);
		this.modalEl.addClass("mlsd-practise-modal");
		const { contentEl } = this;
		contentEl.createEl("p", { cls: "mlsd-practise-intro", text: "Practise the whole interview, or drill the steps you choose. Steps you leave out are recorded as skipped, not scored." });
		const plan = scalePlan(this.catalog.get().stepPlan(), this.host.data.settings.mockMinutes);
		if (plan.length === 0) contentEl.createEl("p", { cls: "mlsd-practise-empty", text: "No framework step notes were found, so the practice note has no time plan. Install the notes first." });
		const steps = contentEl.createDiv({ cls: "mlsd-practise-steps" });
		const toggles = new Map<number, { setValue(v: boolean): unknown }>();
		for (const s of plan) {
			new Setting(steps).setName(`Step ${s.step} · ${stepTitle(s.name)}`).setDesc(`${s.minutes} min`).addToggle((t) => {
				toggles.set(s.step, t);
				t.setValue(this.chosen.has(s.step)).onChange((v) => {
					if (v) this.chosen.add(s.step);
					else this.chosen.delete(s.step);
					this.updateSummary(plan);
				});
			});
		}
		new Setting(contentEl).setClass("mlsd-practise-quick")
			.addButton((b) => b.setButtonText("All steps").onClick(() => {
				for (const s of plan) { this.chosen.add(s.step); toggles.get(s.step)?.setValue(true); }
				this.updateSummary(plan);
			}))
			.addButton((b) => b.setButtonText("No steps").onClick(() => {
				this.chosen.clear();
				for (const t of toggles.values()) t.setValue(false);
				this.updateSummary(plan);
			}));
		new Setting(contentEl).setName("Add a twist").setDesc("A twist that fits this case's domain, added at the minute set in the settings.").addToggle((t) => t.setValue(this.twist).onChange((v) => { this.twist = v; }));
		contentEl.createDiv({ cls: "mlsd-practise-summary" });
		this.updateSummary(plan);
		const buttons = new Setting(contentEl).setClass("mlsd-practise-buttons");
		if (this.timer) buttons.addButton((b) => b.setButtonText("Start mock interview").setCta().onClick(() => void this.start(true)));
		buttons.addButton((b) => b.setButtonText("Write practice note").onClick(() => void this.start(false)));
	}

	onClose(): void {
		this.contentEl.empty();
	}

	/** The chosen steps, in order (for tests). */
	get steps(): number[] {
		return [...this.chosen].sort((a, b) => a - b);
	}

	private updateSummary(plan: readonly { step: number; minutes: number }[]): void {
		const el = this.contentEl.querySelector<HTMLElement>(".mlsd-practise-summary");
		if (!el) return;
		const chosen = plan.filter((p) => this.chosen.has(p.step));
		const minutes = Math.round(chosen.reduce((n, p) => n + p.minutes, 0) * 10) / 10;
		el.setText(chosen.length === 0 ? "Choose at least one step."
			: chosen.length === plan.length ? `The whole interview: ${minutes} min.`
				: `A partial drill of step${chosen.length === 1 ? "" : "s"} ${chosen.map((p) => p.step).join(", ")}: ${minutes} min.`);
	}

	/** Writes the practice note; with `timed`, also starts the clock on it. */
	async start(timed: boolean): Promise<void> {
		if (this.busy) return;
		const steps = this.steps;
		if (steps.length === 0) {
			new Notice("Choose at least one step to practise.");
			return;
		}
		if (timed && this.timer?.active) {
			new Notice("A mock interview is already running. Stop it before starting another.");
			return;
		}
		this.busy = true;
		try {
			const all = this.catalog.get().steps().length;
			const drill = steps.length < all ? steps : null;
			const draw = await drawFor(this.host, this.catalog, this.practised, Math.random, this.twist);
			this.close();
			const path = await startPractice(this.host, this.catalog, draw, drill);
			if (path && timed && this.timer) await beginMock(this.host, this.catalog, this.timer, path, { caseName: draw.caseName, twist: draw.twist, drill });
		} finally {
			this.busy = false;
		}
	}
}

/** "Practise this case": the open case study, or one chosen from a list. */
export function practiseThisCase(host: PluginHost, catalog: CatalogService, timer: TimerService | null, open: CaseRecord | null, preselected: readonly number[] | null = null): void {
	if (open) {
		new PractiseModal(host, catalog, timer, open, preselected).open();
		return;
	}
	const cases = catalog.get().cases().filter((c) => c.prompts.length > 0);
	if (cases.length === 0) {
		new Notice("There are no case studies with prompts yet. Install the notes or write a case study first.");
		return;
	}
	new CaseSuggestModal(host.app, cases, (c) => {
		if (c !== "generic") new PractiseModal(host, catalog, timer, c, preselected).open();
	}, false).open();
}
