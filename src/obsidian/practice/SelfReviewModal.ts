/**
 * After a mock interview: score each step 1–4 against its checklist (showing
 * how many of the step's items were ticked in the note), then rate the whole
 * session Again/Hard/Good/Easy. Saving writes the properties and the timing
 * table into the practice note and schedules the case's next review.
 */
import { Modal, Notice, Setting, type TFile } from "obsidian";
import { stepTitle } from "../../core/checklist";
import { checklistTally, reviewProperties, suggestedScore, type ChecklistTally, type StepResult } from "../../core/practice";
import { dueAfter } from "../../core/review";
import { PRACTICE_RATINGS, type PracticeRating } from "../../core/schema";
import type { CatalogService } from "../CatalogService";
import type { PluginHost } from "../host";
import { checkPracticeNote, errorText, liveFile, writeLoopResults } from "./practiceNotes";

const SCORE_LABELS: Record<string, string> = { "1": "1 · missed", "2": "2 · partly", "3": "3 · solid", "4": "4 · strong" };
const RATING_LABELS: Record<PracticeRating, string> = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };

function minutesText(r: StepResult): string {
	const spent = `${r.minutes.toFixed(1)} of ${r.budget} min`;
	return r.overrun > 0 ? `${spent} (${r.overrun.toFixed(1)} over)` : spent;
}

function tallyText(t: ChecklistTally | undefined): string {
	if (!t || t.total === 0) return "No checklist items for this step";
	return `${t.ticked} of ${t.total} checklist items ticked`;
}

export class SelfReviewModal extends Modal {
	private results: StepResult[];
	private saving = false;
	private saved = false;

	constructor(private readonly host: PluginHost, private readonly catalog: CatalogService, private readonly file: TFile, results: readonly StepResult[]) {
		super(host.app);
		this.results = results.map((r) => ({ ...r }));
	}

	async onOpen(): Promise<void> {
		this.setTitle("Self-review");
		this.modalEl.addClass("mlsd-review-modal");
		const text = liveFile(this.app, this.file) ? await this.app.vault.cachedRead(this.file) : "";
		const tally = checklistTally(text);
		const { contentEl } = this;
		contentEl.createEl("p", { cls: "mlsd-review-intro", text: "Score each step from 1 (missed) to 4 (strong) against its checklist, then rate the session as a whole." });
		const steps = contentEl.createDiv({ cls: "mlsd-review-steps" });
		for (const r of this.results) this.renderStep(steps, r, tally.get(r.step));
		const overall = new Setting(contentEl).setName("How did it go overall?").setDesc("Schedules this case's next review.").setClass("mlsd-review-rating");
		for (const rating of PRACTICE_RATINGS) {
			overall.addButton((b) => {
				b.setButtonText(RATING_LABELS[rating]).onClick(() => void this.save(rating));
				if (rating === "good") b.setCta();
			});
		}
	}

	onClose(): void {
		this.contentEl.empty();
		if (!this.saved) new Notice("The self-review was not saved. To score the session later, open the practice note and run the self-review command.");
	}

	private renderStep(el: HTMLElement, r: StepResult, tally: ChecklistTally | undefined): void {
		r.score = suggestedScore(tally);
		new Setting(el)
			.setName(`Step ${r.step} · ${stepTitle(r.name)}`)
			.setDesc(`${tallyText(tally)} · ${minutesText(r)}`)
			.addDropdown((d) => {
				d.addOptions(SCORE_LABELS);
				d.setValue(String(r.score)).onChange((v) => {
					r.score = Number(v);
				});
			});
	}

	/** Stand-in for tests and users alike: write the review with this overall rating. */
	async save(rating: PracticeRating): Promise<void> {
		if (this.saving) return;
		this.saving = true;
		try {
			await this.write(rating);
		} catch (e) {
			new Notice(`Could not save the self-review: ${errorText(e)}`);
		} finally {
			this.saving = false;
		}
	}

	private async write(rating: PracticeRating): Promise<void> {
		if (!liveFile(this.app, this.file)) {
			new Notice("The practice note is gone, so the self-review was not saved.");
			this.saved = true; // nothing left to save into: no second notice on close
			this.close();
			return;
		}
		const check = checkPracticeNote(this.app, this.file);
		if ("problem" in check) {
			new Notice(check.problem);
			return;
		}
		const { record } = check;
		const due = dueAfter(this.catalog.get(), { path: this.file.path, caseName: record.caseName, date: record.date, rating });
		const written = await writeLoopResults(this.app, this.file, reviewProperties(this.results, rating, due), this.results);
		if (!written) new Notice("The practice note is gone, so the self-review was not saved.");
		else new Notice(`Self-review saved. Next review of ${record.caseName}: ${due}.`);
		this.saved = true;
		this.close();
	}
}
