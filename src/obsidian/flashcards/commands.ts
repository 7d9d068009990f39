/**
 * The flashcard commands: a case's cards, the weakest steps' cards, and every
 * due card, each a graded session whose grades go to the review log.
 */
import { Notice } from "obsidian";
import type { CaseRecord } from "../../core/catalog";
import { dueCards, intervalLabel, sessionOrder, weakestSteps, type StudyCard } from "../../core/flashcards";
import { kindOfCached, type CatalogService } from "../CatalogService";
import type { PluginHost } from "../host";
import { readNote } from "../notes";
import { allCards, cardsOfCase, cardsOfLinks, readReviewLog, reviewLogPath, ReviewLogWriter, statesFor, type Deck } from "./deck";
import { FlashcardReviewModal } from "./ReviewModal";

function report(task: Promise<void>): void {
	task.catch((e: unknown) => new Notice(`Flashcards: ${e instanceof Error ? e.message : String(e)}`));
}

/** Words about notes left out of a session: missing links and unreadable notes. */
function leftOut(deck: Deck): string[] {
	const out: string[] = [];
	if (deck.missing.length > 0) out.push(`Not found in the vault: ${deck.missing.join(", ")}.`);
	if (deck.unreadable.length > 0) out.push(`Could not be read: ${deck.unreadable.map((u) => u.path).join(", ")}.`);
	return out;
}

interface EmptySession {
	cards: StudyCard[];
	/** When the next card is due, as "3d"; null when none was ever graded. */
	next: string | null;
	/** Cards never graded (held back by the daily allowance of new cards). */
	unseen: number;
}

async function openSession(host: PluginHost, title: string, intro: string, deck: Deck, mode: "due" | "all", empty: (s: EmptySession) => string): Promise<FlashcardReviewModal | null> {
	const log = await readReviewLog(host);
	const states = statesFor(host, log.reviews);
	const now = new Date();
	const cards = sessionOrder(deck.cards, log.reviews, { now, newPerDay: host.data.settings.newCardsPerDay }, mode, states);
	if (cards.length === 0) {
		const later = dueCards(deck.cards, log.reviews, { now, newPerDay: 0 }, states).later[0];
		const next = later ? intervalLabel(now, states.get(later.id)!.due) : null;
		const unseen = new Set(deck.cards.filter((c) => !states.has(c.id)).map((c) => c.id)).size;
		new Notice([empty({ cards: deck.cards, next, unseen }), ...leftOut(deck)].join(" "), 8000);
		return null;
	}
	const modal = new FlashcardReviewModal(host, { title, intro, cards, states, notes: leftOut(deck) }, new ReviewLogWriter(host.app, reviewLogPath(host)));
	modal.open();
	return modal;
}

/** "Review flashcards for this case": the cards of the concepts the case lists, due ones first. */
export async function reviewCaseCards(host: PluginHost, c: CaseRecord): Promise<FlashcardReviewModal | null> {
	if (c.concepts.length === 0) {
		new Notice(`"${c.name}" lists no concepts. Add links to concept notes in its "concepts" property.`);
		return null;
	}
	const deck = await cardsOfCase(host, c);
	return openSession(host, `Flashcards: ${c.name}`, `Cards of the ${c.concepts.length} concepts this case lists.`, deck, "all",
		() => `None of the concept notes "${c.name}" lists has "Question::Answer" flashcards.`);
}

/** "Review due flashcards": every concept note's due cards, then today's new ones. */
export async function reviewDueCards(host: PluginHost, catalog: CatalogService): Promise<FlashcardReviewModal | null> {
	const deck = await allCards(host, catalog);
	return openSession(host, "Due flashcards", "Due cards first, then today's new ones.", deck, "due",
		({ cards, next, unseen }) => cards.length === 0
			? "No concept note has \"Question::Answer\" flashcards yet. Install the notes, or add cards to a concept of yours."
			: [
				"Nothing is due.",
				unseen > 0 ? `Today's ${host.data.settings.newCardsPerDay} new cards are done; ${unseen} more come in the next days (or review a case's cards now).` : "",
				next ? `The next card is due in ${next}.` : "",
			].filter((x) => x !== "").join(" "));
}

/** "Review flashcards for weakest steps": the concepts of the steps scoring lowest in self-reviews. */
export async function reviewWeakStepCards(host: PluginHost, catalog: CatalogService): Promise<FlashcardReviewModal | null> {
	const cat = catalog.get();
	const texts = new Map<string, string>();
	for (const s of cat.steps()) {
		const text = await readNote(host.app, s.path).catch(() => null);
		if (text !== null) texts.set(s.path, text);
	}
	const weak = weakestSteps(cat, texts);
	if (weak.length === 0) {
		new Notice("No step has a self-review score yet. Finish a mock interview and its self-review, then the weakest steps' concepts come up here.", 8000);
		return null;
	}
	const concepts = [...new Set(weak.flatMap((w) => w.concepts))];
	const names = weak.map((w) => `${w.name} (${w.average})`).join(", ");
	if (concepts.length === 0) {
		new Notice(`The weakest steps (${names}) link no concept notes under "Concepts to know".`, 8000);
		return null;
	}
	const source = cat.steps().find((s) => s.step === weak[0]!.step)?.path ?? "";
	const deck = await cardsOfLinks(host, concepts, source);
	return openSession(host, "Flashcards: weakest steps", `Concepts of your lowest-scoring steps: ${names}.`, deck, "all",
		() => `None of the concepts of the weakest steps (${names}) has flashcards.`);
}

export function registerFlashcardCommands(host: PluginHost, catalog: CatalogService): void {
	const { plugin } = host;
	plugin.addCommand({
		id: "review-flashcards",
		name: "Review flashcards for this case",
		checkCallback: (checking) => {
			// The check reads one metadata entry, so opening the palette never builds the catalog.
			const file = host.app.workspace.getActiveFile();
			if (!file || kindOfCached(host.app.metadataCache.getFileCache(file)) !== "case-study") return false;
			if (checking) return true;
			const record = catalog.get().get(file.path);
			if (record?.type === "case-study") report(reviewCaseCards(host, record as CaseRecord).then(() => undefined));
			else new Notice("This case study has properties the plugin cannot read; run the vault check or fix its domain, difficulty and prompts.");
			return true;
		},
	});
	plugin.addCommand({ id: "review-due-flashcards", name: "Review due flashcards", callback: () => report(reviewDueCards(host, catalog).then(() => undefined)) });
	plugin.addCommand({ id: "review-weak-step-flashcards", name: "Review flashcards for weakest steps", callback: () => report(reviewWeakStepCards(host, catalog).then(() => undefined)) });
}
