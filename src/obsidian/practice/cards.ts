/**
 * The flashcards due today, for "Today's plan" and the progress view: the
 * graded review's own count (due reviews plus today's new cards), from the
 * concept notes and the review log (../flashcards/deck.ts).
 */
import type { CatalogService } from "../CatalogService";
import { flashcardsDueNow } from "../flashcards/deck";
import type { PluginHost } from "../host";

/** The count, or null when it cannot be worked out (the plan then leaves the cards out rather than guess). */
export async function cardsDueToday(host: PluginHost, catalog: CatalogService): Promise<number | null> {
	try {
		return await flashcardsDueNow(host, catalog);
	} catch {
		return null;
	}
}
