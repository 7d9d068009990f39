/**
 * A graded flashcard session: one card at a time, question and answer
 * rendered as Markdown (math, links, code), Space to reveal, 1–4 to grade
 * (Again, Hard, Good, Easy). Each grade is scheduled with FSRS and appended to
 * the review log at once; "Again" brings the card back later in the session.
 */
import { Component, MarkdownRenderer, Modal, setIcon } from "obsidian";
import type { Card as FsrsCard } from "ts-fsrs";
import { CARD_GRADES, gradeCard, gradePreview, intervalLabel, type CardGrade, type StudyCard } from "../../core/flashcards";
import type { PluginHost } from "../host";
import type { ReviewLogWriter } from "./deck";

const LABELS: Record<CardGrade, string> = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };
/** A card due again within this long comes back in the same session. */
const SAME_SESSION_MS = 20 * 60_000;
/** At most this many returns of one card per session. */
const MAX_RETURNS = 3;

export interface ReviewSession {
	title: string;
	/** Shown under the title: what the session is made of. */
	intro: string;
	cards: StudyCard[];
	states: Map<string, FsrsCard>;
	/** Notes named but not found, or not readable. */
	notes?: string[];
}

export class FlashcardReviewModal extends Modal {
	private readonly queue: StudyCard[];
	private index = 0;
	private revealed = false;
	private readonly returns = new Map<string, number>();
	private readonly counts: Record<CardGrade, number> = { again: 0, hard: 0, good: 0, easy: 0 };
	private component = new Component();
	private renderToken = 0;

	constructor(
		private readonly host: PluginHost,
		private readonly session: ReviewSession,
		private readonly writer: ReviewLogWriter,
		private readonly now: () => Date = () => new Date(),
	) {
		super(host.app);
		this.queue = [...session.cards];
	}

	onOpen(): void {
		this.setTitle(this.session.title);
		this.modalEl.addClass("mlsd-flashcards-modal");
		this.component = new Component();
		this.component.load();
		this.scope.register([], " ", (e: KeyboardEvent) => {
			e.preventDefault();
			if (!this.revealed && this.current) this.reveal();
			return false;
		});
		CARD_GRADES.forEach((g, i) => {
			this.scope.register([], String(i + 1), (e: KeyboardEvent) => {
				if (!this.revealed || !this.current) return true;
				e.preventDefault();
				this.grade(g);
				return false;
			});
		});
		void this.render();
	}

	onClose(): void {
		this.renderToken++;
		this.component.unload();
		this.contentEl.empty();
		if (this.writer.unsaved > 0) void this.writer.flush();
	}

	/** The card on screen, or null at the end. */
	get current(): StudyCard | null {
		return this.queue[this.index] ?? null;
	}

	/** Grades given in this session. */
	get graded(): Readonly<Record<CardGrade, number>> {
		return this.counts;
	}

	reveal(): void {
		if (this.revealed || !this.current) return;
		this.revealed = true;
		void this.render();
	}

	grade(g: CardGrade): void {
		const card = this.current;
		if (!card || !this.revealed) return;
		const at = this.now();
		const next = gradeCard(this.session.states.get(card.id), at, g);
		this.session.states.set(card.id, next);
		this.counts[g]++;
		void this.writer.append({ at, id: card.id, grade: g }, card.note);
		const back = this.returns.get(card.id) ?? 0;
		if (next.due.getTime() - at.getTime() <= SAME_SESSION_MS && back < MAX_RETURNS) {
			this.returns.set(card.id, back + 1);
			this.queue.push(card);
		}
		this.index++;
		this.revealed = false;
		void this.render();
	}

	private async render(): Promise<void> {
		const token = ++this.renderToken;
		const { contentEl } = this;
		contentEl.empty();
		this.component.unload();
		this.component = new Component();
		this.component.load();
		const card = this.current;
		if (!card) {
			this.renderSummary();
			return;
		}
		const left = this.queue.length - this.index;
		contentEl.createEl("p", { cls: "mlsd-flashcards-intro", text: `${this.session.intro} ${left} card${left === 1 ? "" : "s"} to go.` });
		if (this.index === 0 && this.session.notes && this.session.notes.length > 0) contentEl.createEl("p", { cls: "mlsd-flashcards-missing", text: this.session.notes.join(" ") });
		const cardEl = contentEl.createDiv({ cls: "mlsd-flashcard" });
		const source = cardEl.createDiv({ cls: "mlsd-flashcards-concept" });
		source.setText(card.reversed ? `${card.note} (reversed)` : card.note);
		const question = cardEl.createDiv({ cls: "mlsd-flashcard-question markdown-rendered" });
		await MarkdownRenderer.render(this.app, card.question, question, card.path, this.component);
		if (token !== this.renderToken) return;
		if (!this.revealed) {
			const show = cardEl.createEl("button", { cls: "mlsd-flashcard-show mod-cta", text: "Show answer" });
			show.createSpan({ cls: "mlsd-flashcard-key", text: "Space" });
			show.addEventListener("click", () => this.reveal());
			show.focus();
			return;
		}
		const answer = cardEl.createDiv({ cls: "mlsd-flashcard-answer markdown-rendered" });
		await MarkdownRenderer.render(this.app, card.answer, answer, card.path, this.component);
		if (token !== this.renderToken) return;
		const preview = gradePreview(this.session.states.get(card.id), this.now());
		const row = contentEl.createDiv({ cls: "mlsd-flashcard-grades" });
		CARD_GRADES.forEach((g, i) => {
			const b = row.createEl("button", { cls: `mlsd-flashcard-grade mlsd-grade-${g}`, attr: { "aria-label": `${LABELS[g]}: next review in ${preview[g]} (key ${i + 1})` } });
			b.createSpan({ cls: "mlsd-flashcard-grade-label", text: LABELS[g] });
			b.createSpan({ cls: "mlsd-flashcard-grade-interval", text: preview[g] });
			b.createSpan({ cls: "mlsd-flashcard-key", text: String(i + 1) });
			b.addEventListener("click", () => this.grade(g));
		});
	}

	private renderSummary(): void {
		const { contentEl } = this;
		const total = CARD_GRADES.reduce((n, g) => n + this.counts[g], 0);
		const done = contentEl.createDiv({ cls: "mlsd-flashcards-done" });
		setIcon(done.createDiv({ cls: "mlsd-flashcards-done-icon" }), "check-circle");
		done.createEl("p", {
			text: total === 0
				? "No cards in this session."
				: `Session done: ${total} grade${total === 1 ? "" : "s"} (${CARD_GRADES.filter((g) => this.counts[g] > 0).map((g) => `${LABELS[g].toLowerCase()} ${this.counts[g]}`).join(", ")}).`,
		});
		const next = [...new Set(this.session.cards.map((c) => c.id))]
			.map((id) => this.session.states.get(id)?.due)
			.filter((d): d is Date => d !== undefined)
			.sort((a, b) => a.getTime() - b.getTime())[0];
		if (next) done.createEl("p", { cls: "mlsd-flashcards-intro", text: `The next of these cards is due in ${intervalLabel(this.now(), next)}.` });
		if (this.writer.unsaved > 0) done.createEl("p", { cls: "mlsd-flashcards-missing", text: `${this.writer.unsaved} grade${this.writer.unsaved === 1 ? " is" : "s are"} not saved yet; see the notice.` });
		if (this.session.notes && this.session.notes.length > 0) done.createEl("p", { cls: "mlsd-flashcards-missing", text: this.session.notes.join(" ") });
		const close = done.createEl("button", { cls: "mod-cta", text: "Close" });
		close.addEventListener("click", () => this.close());
		close.focus();
	}
}
