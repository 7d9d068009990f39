/**
 * An honest self-review, in two parts. First the checklist: every item of the
 * practised steps as the note has it, tickable here. Only then the scores:
 * each practised step 1–4 with nothing preselected (a step left unscored
 * stays unscored), skipped steps shown as skipped, and an overall rating
 * that must be chosen before the review can be saved. Saving writes the
 * properties and the timing table into the practice note.
 */
import { Modal, Notice, Setting, type ButtonComponent, type TFile } from "obsidian";
import { stepTitle } from "../../core/checklist";
import { checklistEntries, checklistTally, reviewProperties, setChecklistItem, type ChecklistEntry, type StepResult } from "../../core/practice";
import { dueAfter } from "../../core/review";
import { PRACTICE_RATINGS, type PracticeRating } from "../../core/session";
import { interviewPlanOf } from "../../core/settings";
import type { CatalogService } from "../CatalogService";
import type { PluginHost } from "../host";
import { checkPracticeNote, errorText, liveFile, writeLoopResults } from "./practiceNotes";
import { outlinedNote } from "../outline";

const SCORE_LABELS: [number, string][] = [[1, "1 · missed"], [2, "2 · partly"], [3, "3 · solid"], [4, "4 · strong"]];
const RATING_LABELS: Record<PracticeRating, string> = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };

function minutesText(r: StepResult): string {
	if (r.minutes === 0 && r.overrun === 0) return `budget ${r.budget} min`;
	const spent = `${r.minutes.toFixed(1)} of ${r.budget} min`;
	return r.overrun > 0 ? `${spent} (${r.overrun.toFixed(1)} over)` : spent;
}

export class SelfReviewModal extends Modal {
	private results: StepResult[];
	private rating: PracticeRating | null = null;
	private saving = false;
	private saved = false;
	private stage: "checklist" | "scores" = "checklist";
	private noteText = "";
	private saveButton: ButtonComponent | null = null;

	constructor(private readonly host: PluginHost, private readonly catalog: CatalogService, private readonly file: TFile, results: readonly StepResult[]) {
		super(host.app);
		// Nothing is preselected: every practised step starts unscored.
		this.results = results.map((r) => ({ ...r, score: r.skipped ? null : r.score }));
	}

	async onOpen(): Promise<void> {
		this.modalEl.addClass("mlsd-review-modal");
		this.noteText = liveFile(this.app, this.file) ? await this.app.vault.cachedRead(this.file) : "";
		this.render();
	}

	onClose(): void {
		this.contentEl.empty();
		if (!this.saved) new Notice("The self-review was not saved. To score the session later, open the practice note and run the self-review command.");
	}

	/** Which part is showing: the checklist first, then the scores. */
	get currentStage(): "checklist" | "scores" {
		return this.stage;
	}

	private render(): void {
		this.contentEl.empty();
		if (this.stage === "checklist") this.renderChecklist();
		else this.renderScores();
	}

	private practisedSteps(): Set<number> {
		return new Set(this.results.filter((r) => !r.skipped).map((r) => r.step));
	}

	private renderChecklist(): void {
		this.setTitle("Self-review: the checklist");
		const { contentEl } = this;
		contentEl.createEl("p", { cls: "mlsd-review-intro", text: "Before scoring, go through the checklist and tick what your answer covered. Scores come next." });
		const practised = this.practisedSteps();
		const entries = checklistEntries(outlinedNote(this.app, this.file, this.noteText)).filter((e) => e.step === null || practised.has(e.step));
		if (entries.length === 0) contentEl.createEl("p", { cls: "mlsd-review-empty", text: "This practice note has no checklist items for the steps you practised." });
		const list = contentEl.createDiv({ cls: "mlsd-review-checklist" });
		let heading: string | null = null;
		for (const e of entries) {
			if (e.heading !== heading) {
				heading = e.heading;
				list.createDiv({ cls: "mlsd-review-checklist-heading", text: e.heading || "Checklist" });
			}
			this.renderItem(list, e);
		}
		new Setting(contentEl).setClass("mlsd-review-buttons").addButton((b) => b.setButtonText("Score the steps").setCta().onClick(() => this.showScores()));
	}

	private renderItem(el: HTMLElement, e: ChecklistEntry): void {
		const label = el.createEl("label", { cls: "mlsd-review-item" });
		const box = label.createEl("input", { type: "checkbox" });
		box.checked = e.done;
		label.createSpan({ text: e.text });
		box.addEventListener("change", () => void this.tick(e, box));
	}

	/** Ticks or unticks the item in the note itself, so the note and the review agree. */
	private async tick(e: ChecklistEntry, box: HTMLInputElement): Promise<void> {
		if (!liveFile(this.app, this.file)) {
			new Notice("The practice note is gone, so the tick was not saved.");
			box.checked = e.done;
			return;
		}
		try {
			this.noteText = await this.app.vault.process(this.file, (text) => setChecklistItem(text, e.line, box.checked));
			e.done = box.checked;
		} catch (err) {
			box.checked = e.done;
			new Notice(`Could not tick the item: ${errorText(err)}`);
		}
	}

	/** Moves on to the scores (the checklist has been seen). */
	showScores(): void {
		this.stage = "scores";
		this.render();
	}

	private renderScores(): void {
		this.setTitle("Self-review: scores");
		const { contentEl } = this;
		const tally = checklistTally(outlinedNote(this.app, this.file, this.noteText));
		contentEl.createEl("p", { cls: "mlsd-review-intro", text: "Score each step you practised from 1 (missed) to 4 (strong). A step you leave unscored stays unscored. Then rate the session." });
		const steps = contentEl.createDiv({ cls: "mlsd-review-steps" });
		for (const r of this.results) this.renderStep(steps, r, tally.get(r.step));
		const overall = new Setting(contentEl).setName("How did it go overall?").setDesc("Choose one; it schedules this case's next review.").setClass("mlsd-review-rating");
		const buttons: [PracticeRating, ButtonComponent][] = [];
		for (const rating of PRACTICE_RATINGS) {
			overall.addButton((b) => {
				buttons.push([rating, b]);
				b.setButtonText(RATING_LABELS[rating]).onClick(() => {
					this.rating = rating;
					for (const [r, other] of buttons) other.buttonEl.toggleClass("is-active", r === rating);
					for (const [r, other] of buttons) other.buttonEl.setAttr("aria-pressed", r === rating ? "true" : "false");
					this.saveButton?.setDisabled(false);
				});
				b.buttonEl.setAttr("aria-pressed", "false");
			});
		}
		new Setting(contentEl)
			.setClass("mlsd-review-buttons")
			.addButton((b) => b.setButtonText("Back to the checklist").onClick(() => {
				this.stage = "checklist";
				this.render();
			}))
			.addButton((b) => {
				this.saveButton = b;
				b.setButtonText("Save review").setCta().setDisabled(this.rating === null).onClick(() => {
					if (this.rating) void this.save(this.rating);
				});
			});
	}

	private renderStep(el: HTMLElement, r: StepResult, tally: { ticked: number; total: number } | undefined): void {
		const setting = new Setting(el).setName(`Step ${r.step} · ${stepTitle(r.name)}`).setClass("mlsd-review-step");
		if (r.skipped) {
			setting.setDesc("Skipped in this session: recorded as skipped, not scored.");
			setting.settingEl.addClass("mlsd-review-skipped");
			return;
		}
		const ticks = !tally || tally.total === 0 ? "No checklist items for this step" : `${tally.ticked} of ${tally.total} checklist items ticked`;
		setting.setDesc(`${ticks} · ${minutesText(r)}`);
		const buttons: ButtonComponent[] = [];
		for (const [score, label] of SCORE_LABELS) {
			setting.addButton((b) => {
				buttons.push(b);
				b.setButtonText(label).onClick(() => {
					// Clicking the chosen score again clears it: the step stays unscored.
					r.score = r.score === score ? null : score;
					buttons.forEach((x, i) => {
						x.buttonEl.toggleClass("is-active", r.score === i + 1);
						x.buttonEl.setAttr("aria-pressed", r.score === i + 1 ? "true" : "false");
					});
				});
				b.buttonEl.addClass("mlsd-score");
				b.buttonEl.setAttr("aria-pressed", r.score === score ? "true" : "false");
				b.buttonEl.toggleClass("is-active", r.score === score);
			});
		}
	}

	/** Writes the review with this overall rating (what "Save review" does once a rating is chosen). */
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
		const plan = interviewPlanOf(this.host.data.settings);
		const due = dueAfter(this.catalog.get(), { path: this.file.path, caseName: record.caseName, date: record.date, rating }, plan);
		const written = await writeLoopResults(this.app, this.file, reviewProperties(this.results, rating, record.properties.rating), this.results);
		if (!written) new Notice("The practice note is gone, so the self-review was not saved.");
		else new Notice(`Self-review saved. Next review of ${record.caseName}: ${due}.`);
		this.saved = true;
		this.close();
	}
}
