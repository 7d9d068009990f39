/**
 * What an install did with each note it did not simply create: merged with
 * the user's changes, kept where the user's edit overlaps the new version
 * (with Compare, Keep mine, Take non-overlapping changes, Take new, and the
 * same as bulk actions), failed (with the reason), missing after a lost
 * record (with an offer to recreate them), and the rest.
 */
import { Modal, Notice, Setting } from "obsidian";
import { summarizeCounts, type ActionKind, type InstallAction, type InstallResult } from "../core/install";
import type { PluginHost } from "./host";
import { runInstall } from "./install";
import { compareOffer, declineShipped, takeNonConflicting, takeShipped } from "./installCommands";

const LABELS: Partial<Record<ActionKind, string>> = {
	merge: "Merged with your changes",
	update: "Updated to the new version",
	complete: "Completed after an interrupted write",
	"keep-edited": "Kept your edited version",
	"keep-deleted": "Left deleted, as you deleted it",
	"skip-clash": "Skipped: a note of yours has this path",
};

const FAILED: ReadonlySet<ActionKind> = new Set(["failed", "blocked", "changed"]);

export class InstallReportModal extends Modal {
	constructor(private readonly host: PluginHost, private readonly result: InstallResult) {
		super(host.app);
	}

	onOpen(): void {
		const { contentEl } = this;
		this.setTitle("Install report");
		contentEl.addClass("mlsd-report");
		contentEl.createEl("p", { text: summarizeCounts(this.result.counts) });
		if (this.result.plan.rebuilt) {
			contentEl.createEl("p", { cls: "mlsd-report-note", text: "The record of installed notes was missing or could not be read, so it was rebuilt from the notes' content. Notes that could not be recognised were kept as they are." });
		}
		const actions = this.result.actions;
		const offers = actions.filter((a) => a.kind === "conflict" && a.offer);
		if (offers.length > 0) this.renderOffers(offers);
		const failed = actions.filter((a) => FAILED.has(a.kind));
		if (failed.length > 0) {
			contentEl.createEl("h4", { text: `Could not write (${failed.length})` });
			const list = contentEl.createEl("ul", { cls: "mlsd-report-list mlsd-report-failed" });
			for (const a of failed) {
				const li = list.createEl("li");
				li.createSpan({ cls: "mlsd-report-path", text: a.target });
				li.createSpan({ cls: "mlsd-report-reason", text: `: ${a.reason ?? "unknown error"}` });
			}
		}
		const missing = actions.filter((a) => a.kind === "missing");
		if (missing.length > 0) this.renderMissing(missing);
		for (const kind of Object.keys(LABELS) as ActionKind[]) {
			const list = kind === "keep-edited" ? actions.filter((a) => a.kind === kind || (a.kind === "conflict" && !a.offer)) : actions.filter((a) => a.kind === kind);
			if (list.length === 0) continue;
			contentEl.createEl("h4", { text: `${LABELS[kind]} (${list.length})` });
			const ul = contentEl.createEl("ul", { cls: `mlsd-report-list mlsd-report-${kind}` });
			for (const a of list) ul.createEl("li", { text: a.target });
		}
	}

	private renderOffers(offers: InstallAction[]): void {
		const { contentEl } = this;
		contentEl.createEl("h4", { text: `Your edit overlaps the new version (${offers.length})` });
		contentEl.createEl("p", { cls: "mlsd-report-note", text: "These notes were left exactly as you have them. Compare each with the new version, or choose for all." });
		const rows = new Map<InstallAction, (work: () => Promise<string | null>) => Promise<void>>();
		const bulk = new Setting(contentEl).setClass("mlsd-report-bulk");
		const mergeable = offers.filter((a) => a.partial !== undefined);
		const runAll = (list: InstallAction[], work: (a: InstallAction) => Promise<string>): void => {
			for (const b of Array.from(bulk.controlEl.querySelectorAll("button"))) b.disabled = true;
			void (async () => {
				for (const a of list) await rows.get(a)?.(() => work(a));
			})();
		};
		if (mergeable.length > 0) {
			bulk.addButton((b) => b.setButtonText(`Take all non-overlapping changes (${mergeable.length})`).setCta().onClick(() => runAll(mergeable, async (a) => {
				await takeNonConflicting(this.host, a);
				return "Merged; yours kept where it overlaps";
			})));
		}
		bulk.addButton((b) => b.setButtonText("Keep all mine").onClick(() => runAll(offers, async (a) => {
			await declineShipped(this.host, a.file);
			return "Kept yours";
		})));
		const list = contentEl.createEl("ul", { cls: "mlsd-report-list mlsd-report-offers" });
		for (const a of offers) rows.set(a, this.renderOffer(list.createEl("li"), a));
	}

	/** One row with its buttons; returns a runner that performs one action on the row (also used by the bulk buttons). */
	private renderOffer(li: HTMLElement, a: InstallAction): (work: () => Promise<string | null>) => Promise<void> {
		li.createSpan({ cls: "mlsd-report-path", text: a.target });
		const buttons = li.createSpan({ cls: "mlsd-report-buttons" });
		let finished = false;
		const done = (text: string): void => {
			finished = true;
			buttons.empty();
			buttons.createSpan({ cls: "mlsd-report-done", text });
		};
		/** One action per row: the buttons are disabled on the first click, and a failure is shown, not swallowed. */
		const act = async (work: () => Promise<string | null>): Promise<void> => {
			if (finished) return;
			for (const b of Array.from(buttons.querySelectorAll("button"))) b.disabled = true;
			try {
				const text = await work();
				if (text !== null) done(text);
				else for (const b of Array.from(buttons.querySelectorAll("button"))) b.disabled = false;
			} catch (e) {
				done("Failed");
				new Notice(`Could not update "${a.target}": ${e instanceof Error ? e.message : String(e)}`);
			}
		};
		buttons.createEl("button", { text: "Compare" }).addEventListener("click", () => void act(() => new Promise((resolve) => {
			void compareOffer(this.host, a, (choice) => resolve(choice === null ? null : choice === "new" ? "Updated" : choice === "partial" ? "Merged; yours kept where it overlaps" : "Kept yours"));
		})));
		buttons.createEl("button", { text: "Keep mine" }).addEventListener("click", () => void act(async () => {
			await declineShipped(this.host, a.file);
			return "Kept yours";
		}));
		if (a.partial !== undefined) {
			buttons.createEl("button", { text: "Take non-overlapping" }).addEventListener("click", () => void act(async () => {
				await takeNonConflicting(this.host, a);
				return "Merged; yours kept where it overlaps";
			}));
		}
		buttons.createEl("button", { text: "Take new", cls: "mod-cta" }).addEventListener("click", () => void act(async () => {
			const copy = await takeShipped(this.host, a.file);
			return copy ? `Updated; yours is in ${copy}` : "Updated";
		}));
		return act;
	}

	private renderMissing(missing: InstallAction[]): void {
		const { contentEl } = this;
		contentEl.createEl("h4", { text: `Missing, not recreated (${missing.length})` });
		contentEl.createEl("p", { cls: "mlsd-report-note", text: "Without a readable record it is not known whether you deleted these notes, so they were not recreated." });
		const ul = contentEl.createEl("ul", { cls: "mlsd-report-list mlsd-report-missing" });
		for (const a of missing.slice(0, 50)) ul.createEl("li", { text: a.target });
		if (missing.length > 50) ul.createEl("li", { text: `and ${missing.length - 50} more` });
		new Setting(contentEl).addButton((b) => b.setButtonText(`Recreate ${missing.length} missing notes`).onClick(() => {
			b.setDisabled(true);
			this.close();
			void this.recreate(missing);
		}));
	}

	private async recreate(missing: InstallAction[]): Promise<void> {
		// The rebuilt record lists them as deleted; the user's consent clears that, then install creates them.
		for (const a of missing) delete this.host.data.install.files[a.path];
		await this.host.save();
		await runInstall(this.host, { showReport: true, recreateMissing: true });
	}

	onClose(): void {
		this.contentEl.empty();
	}
}
