/** The flashcards behind a case study: the `Question::Answer` lines of the concept notes it lists in `concepts`. */
import { flashcards, sectionText, splitFrontmatter, type Flashcard } from "./markdown";

export interface ConceptDeck {
	concept: string;
	cards: Flashcard[];
}

/** A concept note's cards: its "## Flashcards" section, or the whole note when it has no such section. */
export function conceptCards(text: string): Flashcard[] {
	const body = splitFrontmatter(text).body;
	return flashcards(sectionText(body, "Flashcards") ?? body);
}

/** One deck per concept that has cards, in the order the case lists them; repeats dropped. */
export function caseDecks(concepts: readonly { name: string; text: string }[]): ConceptDeck[] {
	const seen = new Set<string>();
	const out: ConceptDeck[] = [];
	for (const c of concepts) {
		if (seen.has(c.name.toLowerCase())) continue;
		seen.add(c.name.toLowerCase());
		const cards = conceptCards(c.text);
		if (cards.length > 0) out.push({ concept: c.name, cards });
	}
	return out;
}
