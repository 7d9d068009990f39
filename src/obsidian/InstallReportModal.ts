/** Lists what an install did with each note it did not simply create. */
import { Modal, type App } from "obsidian";
import { summarizeCounts, type ActionKind, type InstallResult } from "../core/install";

const LABELS: Partial<Record<ActionKind, string>> = {
	update: "Updated to the new version",
	"keep-edited": "Kept your edited version",
	"keep-deleted": "Left deleted, as you deleted it",
	"skip-clash": "Skipped: a note of yours has this path",
};

export class InstallReportModal extends Modal {
	constructor(app: App, private readonly result: InstallResult) {
		super(app);
	}

	onOpen(): void {
		const { contentEl } = this;
		this.setTitle("Install report");
		contentEl.addClass("mlsd-report");
		contentEl.createEl("p", { text: summarizeCounts(this.result.counts) });
		for (const kind of Object.keys(LABELS) as ActionKind[]) {
			const actions = this.result.plan.actions.filter((a) => a.kind === kind);
			if (actions.length === 0) continue;
			contentEl.createEl("h4", { text: `${LABELS[kind]} (${actions.length})` });
			const list = contentEl.createEl("ul", { cls: "mlsd-report-list" });
			for (const a of actions) list.createEl("li", { text: a.target });
		}
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
