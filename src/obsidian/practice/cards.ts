/**
 * The flashcards due today, for "Today's plan" and the progress view.
 *
 * FLASHCARDS CALL SITE: the graded flashcard review (branch `own`) exposes a
 * core function `dueCardCount(...)`. Once it lands on main, this is the one
 * place to call it; until then the count is unknown (null) and the plan
 * leaves the cards out rather than showing a made-up number.
 */
import type { CatalogService } from "../CatalogService";
import type { PluginHost } from "../host";

export function cardsDueToday(_host: PluginHost, _catalog: CatalogService): number | null {
	// TODO(flashcards): return dueCardCount(...) from src/core once it is on main.
	return null;
}
