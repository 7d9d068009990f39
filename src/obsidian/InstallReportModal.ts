/** Lists what an install did with each note it did not simply create, and offers new versions of edited notes. */
import { Modal, Notice } from "obsidian";
import { summarizeCounts, type ActionKind, type InstallAction, type InstallResult } from "../core/install";
import type { PluginHost } from "./host";
import { compareOffer, declineShipped, takeShipped } from "./installCommands";

const LABELS: Partial<Record<ActionKind, string>> = {
	update: "Updated to the new version",
	"keep-edited": "Kept your edited version",
	"keep-deleted": "Left deleted, as you deleted it",
	"skip-clash": "Skipped: a note of yours has this path",
};

export class InstallReportModal extends Modal {
	constructor(private readonly host: PluginHost, private readonly result: InstallResult) {
		super(host.app);
	}

	onOpen(): void {
		const { contentEl } = this;
		this.setTitle("Install report");
		contentEl.addClass("mlsd-report");
		contentEl.createEl("p", { text: summarizeCounts(this.result.counts) });
		const offers = this.result.plan.actions.filter((a) => a.offer);
		if (offers.length > 0) {
			contentEl.createEl("h4", { text: `New versions of notes you edited (${offers.length})` });
			const list = contentEl.createEl("ul", { cls: "mlsd-report-list mlsd-report-offers" });
			for (const a of offers) this.renderOffer(list.createEl("li"), a);
		}
		for (const kind of Object.keys(LABELS) as ActionKind[]) {
			const actions = this.result.plan.actions.filter((a) => a.kind === kind && !a.offer);
			if (actions.length === 0) continue;
			contentEl.createEl("h4", { text: `${LABELS[kind]} (${actions.length})` });
			const list = contentEl.createEl("ul", { cls: "mlsd-report-list" });
			for (const a of actions) list.createEl("li", { text: a.target });
		}
	}

	private renderOffer(li: HTMLElement, a: InstallAction): void {
		li.createSpan({ cls: "mlsd-report-path", text: a.target });
		const buttons = li.createSpan({ cls: "mlsd-report-buttons" });
		const done = (text: string): void => {
			buttons.empty();
			buttons.createSpan({ cls: "mlsd-report-done", text });
		};
		/** One action per row: the buttons are disabled on the first click, and a failure is shown, not swallowed. */
		const act = (work: () => Promise<string | null>): void => {
			for (const b of Array.from(buttons.querySelectorAll("button"))) b.disabled = true;
			work().then((text) => {
				if (text !== null) done(text);
				else for (const b of Array.from(buttons.querySelectorAll("button"))) b.disabled = false;
			}, (e: unknown) => {
				done("Failed");
				new Notice(`Could not update "${a.target}": ${e instanceof Error ? e.message : String(e)}`);
			});
		};
		buttons.createEl("button", { text: "Compare" }).addEventListener("click", () => act(() => new Promise((resolve) => {
			void compareOffer(this.host, a.file, (choice) => resolve(choice === null ? null : choice === "new" ? "Updated" : "Kept yours"));
		})));
		buttons.createEl("button", { text: "Keep mine" }).addEventListener("click", () => act(async () => {
			await declineShipped(this.host, a.file);
			return "Kept yours";
		}));
		buttons.createEl("button", { text: "Take new", cls: "mod-cta" }).addEventListener("click", () => act(async () => {
			const copy = await takeShipped(this.host, a.file);
			return copy ? `Updated; yours is in ${copy}` : "Updated";
		}));
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
