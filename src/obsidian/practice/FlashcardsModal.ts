/** The flashcards of the concepts a case study lists, with each answer hidden until asked for. */
import { Component, MarkdownRenderer, Modal, type App } from "obsidian";
import type { ConceptDeck } from "../../core/caseCards";
import type { Flashcard } from "../../core/markdown";

export class FlashcardsModal extends Modal {
	/** Owns what MarkdownRenderer attaches (link handlers, embeds) while the modal is open. */
	private readonly renderScope = new Component();

	constructor(app: App, private readonly caseName: string, private readonly decks: readonly ConceptDeck[], private readonly missing: readonly string[], private readonly sourcePath = "") {
		super(app);
	}

	onOpen(): void {
		this.setTitle(`Flashcards: ${this.caseName}`);
		this.modalEl.addClass("mlsd-flashcards-modal");
		this.renderScope.load();
		const { contentEl } = this;
		const count = this.decks.reduce((n, d) => n + d.cards.length, 0);
		contentEl.createEl("p", {
			cls: "mlsd-flashcards-intro",
			text: `${count} card${count === 1 ? "" : "s"} from ${this.decks.length} concept${this.decks.length === 1 ? "" : "s"}. Answer out loud, then show the answer.`,
		});
		for (const deck of this.decks) {
			const section = contentEl.createDiv({ cls: "mlsd-flashcards-deck" });
			section.createDiv({ cls: "mlsd-flashcards-concept", text: deck.concept });
			for (const card of deck.cards) this.renderCard(section, card);
		}
		if (this.missing.length > 0) {
			contentEl.createEl("p", { cls: "mlsd-flashcards-missing", text: `Not found in the vault: ${this.missing.join(", ")}.` });
		}
	}

	onClose(): void {
		this.renderScope.unload();
		this.contentEl.empty();
	}

	/** Card text is Markdown (links, bold, math): rendered as Obsidian renders notes. */
	private renderText(el: HTMLElement, markdown: string): void {
		void MarkdownRenderer.render(this.app, markdown, el, this.sourcePath, this.renderScope);
	}

	private renderCard(el: HTMLElement, card: Flashcard): void {
		const cardEl = el.createDiv({ cls: "mlsd-flashcard" });
		this.renderText(cardEl.createDiv({ cls: "mlsd-flashcard-question" }), card.question);
		const button = cardEl.createEl("button", { cls: "mlsd-flashcard-show", text: "Show answer" });
		button.addEventListener("click", () => {
			button.detach();
			this.renderText(cardEl.createDiv({ cls: "mlsd-flashcard-answer" }), card.answer);
		});
	}
}
