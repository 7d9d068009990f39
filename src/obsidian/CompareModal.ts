/**
 * A shipped note's new version against the user's edited one, as a line
 * diff (node-diff3): shared lines, lines only in yours, lines only in the new
 * version, with the lines where the two overlap marked. Long runs of shared
 * lines fold away. Keep mine / Take the non-overlapping changes / Take new.
 */
import { Modal, Setting, type App } from "obsidian";
import { lineDiff, type Conflict, type DiffRow } from "../core/merge";
import type { CompareChoice } from "./installCommands";

const CONTEXT = 3;

export class CompareModal extends Modal {
	private chosen = false;

	constructor(
		app: App,
		private readonly title: string,
		private readonly mine: string,
		private readonly shipped: string,
		private readonly conflicts: readonly Conflict[],
		private readonly canMerge: boolean,
		private readonly onChoice: (choice: CompareChoice | null) => void,
	) {
		super(app);
	}

	onOpen(): void {
		this.setTitle(this.title);
		this.modalEl.addClass("mlsd-compare-modal");
		const rows = lineDiff(this.mine, this.shipped, this.conflicts);
		const added = rows.filter((r) => r.kind === "theirs").length;
		const removed = rows.filter((r) => r.kind === "mine").length;
		const summary = this.contentEl.createDiv({ cls: "mlsd-diff-summary" });
		summary.createSpan({ cls: "mlsd-diff-count-theirs", text: `+${added} in the new version` });
		summary.createSpan({ cls: "mlsd-diff-count-mine", text: `−${removed} only in yours` });
		if (this.conflicts.length > 0) summary.createSpan({ cls: "mlsd-diff-count-conflict", text: `${this.conflicts.length} ${this.conflicts.length === 1 ? "place where" : "places where"} your edit overlaps a change` });
		this.renderDiff(this.contentEl.createDiv({ cls: "mlsd-compare mlsd-diff", attr: { role: "table", "aria-label": "Line differences" } }), rows);
		const buttons = new Setting(this.contentEl);
		buttons.addButton((b) => b.setButtonText("Keep mine").onClick(() => this.choose("mine")));
		if (this.canMerge) buttons.addButton((b) => b.setButtonText("Take non-overlapping changes").onClick(() => this.choose("partial")));
		buttons.addButton((b) => b.setButtonText("Take new").setCta().onClick(() => this.choose("new")));
	}

	private renderDiff(el: HTMLElement, rows: DiffRow[]): void {
		const changed = rows.map((r) => r.kind !== "same");
		const near = (i: number): boolean => changed.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some(Boolean);
		let folded = 0;
		let mineLine = 0;
		let newLine = 0;
		const flushFold = (): void => {
			if (folded === 0) return;
			el.createDiv({ cls: "mlsd-diff-fold", text: `⋯ ${folded} unchanged line${folded === 1 ? "" : "s"}` });
			folded = 0;
		};
		rows.forEach((r, i) => {
			if (r.kind !== "theirs") mineLine++;
			if (r.kind !== "mine") newLine++;
			if (r.kind === "same" && !near(i)) {
				folded++;
				return;
			}
			flushFold();
			const row = el.createDiv({ cls: `mlsd-diff-row mlsd-diff-${r.kind}${r.conflict ? " mlsd-diff-conflict" : ""}`, attr: { role: "row" } });
			row.createSpan({ cls: "mlsd-diff-num", text: r.kind === "theirs" ? "" : String(mineLine) });
			row.createSpan({ cls: "mlsd-diff-num", text: r.kind === "mine" ? "" : String(newLine) });
			row.createSpan({ cls: "mlsd-diff-sign", text: r.kind === "mine" ? "−" : r.kind === "theirs" ? "+" : "" });
			row.createSpan({ cls: "mlsd-diff-text", text: r.text === "" ? " " : r.text });
		});
		flushFold();
		if (rows.every((r) => r.kind === "same")) el.createDiv({ cls: "mlsd-diff-fold", text: "Your note and the new version are the same." });
	}

	private choose(choice: CompareChoice): void {
		this.chosen = true;
		this.close();
		this.onChoice(choice);
	}

	onClose(): void {
		this.contentEl.empty();
		if (!this.chosen) this.onChoice(null);
	}
}
