/** A shipped note's new version beside the user's edited one, with Keep mine / Take new. */
import { Modal, Setting, type App } from "obsidian";

export class CompareModal extends Modal {
	constructor(
		app: App,
		private readonly title: string,
		private readonly mine: string,
		private readonly shipped: string,
		private readonly onChoice: (choice: "mine" | "new" | null) => void,
	) {
		super(app);
	}

	onOpen(): void {
		this.setTitle(this.title);
		this.modalEl.addClass("mlsd-compare-modal");
		const grid = this.contentEl.createDiv({ cls: "mlsd-compare" });
		for (const [label, text] of [["Yours", this.mine], ["New version", this.shipped]] as const) {
			const col = grid.createDiv({ cls: "mlsd-compare-column" });
			col.createDiv({ cls: "mlsd-compare-label", text: label });
			col.createEl("pre", { cls: "mlsd-compare-text", text });
		}
		new Setting(this.contentEl)
			.addButton((b) => b.setButtonText("Keep mine").onClick(() => this.choose("mine")))
			.addButton((b) => b.setButtonText("Take new").setCta().onClick(() => this.choose("new")));
	}

	private chosen = false;

	private choose(choice: "mine" | "new"): void {
		this.chosen = true;
		this.close();
		this.onChoice(choice);
	}

	onClose(): void {
		this.contentEl.empty();
		if (!this.chosen) this.onChoice(null);
	}
}
