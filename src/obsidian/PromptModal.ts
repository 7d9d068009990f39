/**
 * "Draw a random interview prompt": filters (remembered), the drawn prompt
 * and twist, and Start practice / Draw again / Copy.
 */
import { Modal, Notice, Setting } from "obsidian";
import { localDate } from "../core/dates";
import { drawPrompt, drawToText, type Draw, type PromptFilters } from "../core/prompt";
import type { Rng } from "../core/rng";
import { domainChoices } from "../core/prompt";
import { DIFFICULTIES } from "../core/types";
import type { CatalogService } from "./CatalogService";
import type { PluginHost } from "./host";
import { loadTwists } from "./notes";
import { startPractice } from "./practice";
import { beginMock } from "./practice/mock";
import type { TimerService } from "./practice/TimerService";
import type { Twist } from "../core/twists";

export class PromptModal extends Modal {
	private resultEl!: HTMLElement;
	private draw: Draw | null = null;
	private twists: Twist[] = [];

	constructor(
		private readonly host: PluginHost,
		private readonly catalog: CatalogService,
		private readonly timer: TimerService | null = null,
		private readonly rng: Rng = Math.random,
	) {
		super(host.app);
	}

	private get filters(): PromptFilters {
		return this.host.data.settings.promptFilters;
	}

	async onOpen(): Promise<void> {
		this.setTitle("Interview prompt");
		this.modalEl.addClass("mlsd-prompt-modal");
		const { contentEl } = this;
		this.catalog.announceSkipped(["case-study", "practice"]);
		this.twists = await loadTwists(this.app, this.catalog.get());
		this.renderFilters(contentEl.createDiv({ cls: "mlsd-prompt-filters" }));
		this.resultEl = contentEl.createDiv({ cls: "mlsd-prompt-result" });
		const buttons = new Setting(contentEl).setClass("mlsd-prompt-buttons");
		buttons.addButton((b) => b.setButtonText("Start practice").setCta().onClick(() => void this.start(false)));
		if (this.timer) buttons.addButton((b) => b.setButtonText("Start mock interview").onClick(() => void this.start(true)));
		buttons.addButton((b) => b.setButtonText("Draw again").onClick(() => this.redraw()));
		buttons.addButton((b) => b.setButtonText("Copy").onClick(() => void this.copy()));
		this.redraw();
	}

	onClose(): void {
		this.contentEl.empty();
	}

	private renderFilters(el: HTMLElement): void {
		const domains = domainChoices(this.catalog.get().domains(), this.filters.domain);
		new Setting(el).setName("Domain").addDropdown((d) => {
			d.addOption("", "Any domain");
			for (const x of domains) d.addOption(x, x);
			d.setValue(this.filters.domain ?? "").onChange((v) => this.update({ domain: v || null }));
		});
		new Setting(el).setName("Difficulty").addDropdown((d) => {
			d.addOption("", "Any difficulty");
			for (const x of DIFFICULTIES) d.addOption(x, x);
			d.setValue(this.filters.difficulty ?? "").onChange((v) => this.update({ difficulty: v || null }));
		});
		new Setting(el).setName("Cases").addDropdown((d) => {
			d.addOptions({ both: "Shipped and mine", shipped: "Shipped only", personal: "Mine only" });
			d.setValue(this.filters.source).onChange((v) => this.update({ source: v as PromptFilters["source"] }));
		});
		new Setting(el).setName("Skip cases practised in the last").setDesc("Days; 0 keeps every case.").addText((t) => {
			t.inputEl.type = "number";
			t.inputEl.min = "0";
			t.setValue(String(this.filters.skipPractisedDays)).onChange((v) => {
				const n = Number(v);
				if (Number.isFinite(n) && n >= 0) this.update({ skipPractisedDays: Math.floor(n) });
			});
		});
		new Setting(el).setName("Add a twist").addToggle((t) => t.setValue(this.filters.twist).onChange((v) => this.update({ twist: v })));
	}

	private update(change: Partial<PromptFilters>): void {
		this.host.data.settings.promptFilters = { ...this.filters, ...change };
		void this.host.save();
		this.redraw();
	}

	/** Stand-in for tests and users alike: draw with the current filters and show it. */
	redraw(): void {
		const result = drawPrompt(this.catalog.get(), this.filters, this.rng, localDate(), this.twists);
		this.resultEl.empty();
		if ("error" in result) {
			this.draw = null;
			this.resultEl.createDiv({ cls: "mlsd-prompt-error", text: result.error });
			return;
		}
		this.draw = result.draw;
		const d = result.draw;
		this.resultEl.createDiv({ cls: "mlsd-prompt-text", text: d.prompt });
		if (d.twist) {
			const twist = this.resultEl.createDiv({ cls: "mlsd-prompt-twist" });
			twist.createSpan({ cls: "mlsd-prompt-twist-label", text: "Twist: " });
			twist.createSpan({ text: d.twist });
			if (d.twistNote) this.resultEl.createDiv({ cls: "mlsd-prompt-twist-source", text: `Model answer after the session: ${d.twistNote}` });
		} else if (d.twistNotice) this.resultEl.createDiv({ cls: "mlsd-prompt-twist-none", text: d.twistNotice });
		this.resultEl.createDiv({ cls: "mlsd-prompt-meta", text: `${d.domain} · ${d.difficulty}` });
	}

	/** Writes the practice note; with `timed`, also starts the mock interview clock on it. */
	private async start(timed: boolean): Promise<void> {
		if (!this.draw) return;
		if (timed && this.timer?.active) {
			new Notice("A mock interview is already running. Stop it before starting another.");
			return;
		}
		const draw = this.draw;
		this.close();
		const path = await startPractice(this.host, this.catalog, draw);
		if (!path || !timed || !this.timer) return;
		// The note's metadata may not be indexed yet: pass what the draw already knows.
		await beginMock(this.host, this.catalog, this.timer, path, { caseName: draw.caseName, twist: draw.twist, drill: null });
	}

	private async copy(): Promise<void> {
		if (!this.draw) return;
		try {
			await navigator.clipboard.writeText(drawToText(this.draw));
			new Notice("Prompt copied.");
		} catch {
			new Notice("Could not copy to the clipboard.");
		}
	}
}
