/**
 * Where flashcards come from and where their progress goes, through the
 * Vault API: cards from concept notes (read as they are now), grades appended
 * to the review log note in the practice folder.
 */
import { normalizePath, Notice, stringifyYaml, type App } from "obsidian";
import type { CaseRecord, SkippedNote } from "../../core/catalog";
import type { Card as FsrsCard } from "ts-fsrs";
import {
	appendReviews, CardStateIndex, cardsInNote, dueCardCount, newReviewLog, parseReviewLog, REVIEW_LOG_NOTE, REVIEW_LOG_TAG,
	reviewLine, type CardReview, type ReviewLog, type StudyCard,
} from "../../core/flashcards";
import { joinPath } from "../../core/paths";
import type { CatalogService } from "../CatalogService";
import type { PluginHost } from "../host";
import { ensureFolder } from "../notes";
import { outlinedNote } from "../outline";

export interface Deck {
	cards: StudyCard[];
	/** Linked notes that are not in the vault. */
	missing: string[];
	/** Notes that could not be read: named, and left out. */
	unreadable: SkippedNote[];
}

/** Cards parsed per note, reused while the note is unchanged (by modification time and size). */
const parsedCards = new WeakMap<App, Map<string, { stamp: string; cards: StudyCard[] }>>();
/** Card states per plugin instance, brought up to date from the log's new lines only. */
const stateIndexes = new WeakMap<PluginHost, CardStateIndex>();

/** The card states for a log, replaying only what was added since the last call. */
export function statesFor(host: PluginHost, reviews: readonly CardReview[]): Map<string, FsrsCard> {
	const index = (stateIndexes.get(host) ?? new CardStateIndex()).update(reviews);
	stateIndexes.set(host, index);
	// A copy: a session grades cards in its own map, and the log catches up on the next read.
	return new Map(index.states);
}

async function cardsOf(app: App, files: readonly { name: string; path: string }[]): Promise<Deck> {
	const deck: Deck = { cards: [], missing: [], unreadable: [] };
	const seen = new Set<string>();
	let cache = parsedCards.get(app);
	if (!cache) parsedCards.set(app, (cache = new Map<string, { stamp: string; cards: StudyCard[] }>()));
	for (const f of files) {
		if (seen.has(f.path)) continue;
		seen.add(f.path);
		const file = app.vault.getFileByPath(f.path);
		if (!file) continue;
		try {
			const stamp = `${file.stat.mtime} ${file.stat.size} ${f.name}`;
			const cached = cache.get(f.path);
			if (cached?.stamp === stamp) {
				deck.cards.push(...cached.cards);
				continue;
			}
			const cards = cardsInNote(f, outlinedNote(app, file, await app.vault.cachedRead(file)));
			cache.set(f.path, { stamp, cards });
			deck.cards.push(...cards);
		} catch (e) {
			deck.unreadable.push({ path: f.path, problems: [`could not be read: ${e instanceof Error ? e.message : String(e)}`] });
		}
	}
	return deck;
}

/** The cards of notes named by links (a case's `concepts`, a step's "Concepts to know"), resolved as Obsidian resolves links. */
export async function cardsOfLinks(host: PluginHost, names: readonly string[], sourcePath: string): Promise<Deck> {
	const files: { name: string; path: string }[] = [];
	const missing: string[] = [];
	for (const name of names) {
		const file = host.app.metadataCache.getFirstLinkpathDest(name, sourcePath);
		if (file) files.push({ name: file.basename, path: file.path });
		else missing.push(name);
	}
	const deck = await cardsOf(host.app, files);
	return { ...deck, missing };
}

/** The cards of a case study: its linked concepts. */
export function cardsOfCase(host: PluginHost, c: CaseRecord): Promise<Deck> {
	return cardsOfLinks(host, c.concepts, c.path);
}

/** Every concept note's cards (notes tagged mlsd/concept, shipped or the user's). */
export function allCards(host: PluginHost, catalog: CatalogService): Promise<Deck> {
	return cardsOf(host.app, catalog.get().ofType("concept").map((c) => ({ name: c.name, path: c.path })).sort((a, b) => a.path.localeCompare(b.path)));
}

/** The review log's path: one note in the practice folder. */
export function reviewLogPath(host: PluginHost): string {
	return normalizePath(joinPath(host.data.settings.practiceFolder, REVIEW_LOG_NOTE));
}

/** The review log as it is now; an empty log when the note does not exist or cannot be read (with a notice naming it). */
export async function readReviewLog(host: PluginHost): Promise<ReviewLog> {
	const path = reviewLogPath(host);
	const file = host.app.vault.getFileByPath(path);
	if (!file) return { reviews: [], problems: [] };
	try {
		const log = parseReviewLog(await host.app.vault.cachedRead(file));
		if (log.problems.length > 0) {
			new Notice(`"${path}": ${log.problems.length} line${log.problems.length === 1 ? " is" : "s are"} not a review and ${log.problems.length === 1 ? "was" : "were"} skipped (first at line ${log.problems[0]!.line}).`, 8000);
		}
		return log;
	} catch (e) {
		new Notice(`Could not read "${path}", so every card counts as new for now: ${e instanceof Error ? e.message : String(e)}`, 10000);
		return { reviews: [], problems: [] };
	}
}

/**
 * How many cards are due now (due reviews plus today's new cards), for
 * "Today's plan". Reads the concept notes and the review log.
 */
export async function flashcardsDueNow(host: PluginHost, catalog: CatalogService, now = new Date()): Promise<number> {
	const [deck, log] = await Promise.all([allCards(host, catalog), readReviewLog(host)]);
	return dueCardCount(deck.cards, log.reviews, { now, newPerDay: host.data.settings.newCardsPerDay }, statesFor(host, log.reviews));
}

/**
 * Appends grades to the review log, one write at a time, each a
 * read-modify-write inside Vault.process. A grade that cannot be written
 * stays pending and goes out with the next one; nothing is lost silently.
 */
export class ReviewLogWriter {
	private pending: string[] = [];
	private chain: Promise<void> = Promise.resolve();
	private warned = false;

	constructor(private readonly app: App, readonly path: string) {}

	get unsaved(): number {
		return this.pending.length;
	}

	append(review: CardReview, label: string): Promise<void> {
		this.pending.push(reviewLine(review, label));
		return this.flush();
	}

	flush(): Promise<void> {
		this.chain = this.chain.then(() => this.write());
		return this.chain;
	}

	private async write(): Promise<void> {
		if (this.pending.length === 0) return;
		const lines = [...this.pending];
		try {
			const file = this.app.vault.getFileByPath(this.path);
			if (file) {
				await this.app.vault.process(file, (text) => {
					if (!text.includes(REVIEW_LOG_TAG)) throw new Error(`"${this.path}" is a note of yours, so it was not changed. Rename it to let the plugin keep flashcard reviews there`);
					return appendReviews(text, lines);
				});
			} else {
				const folder = this.path.includes("/") ? this.path.slice(0, this.path.lastIndexOf("/")) : "";
				if (folder) await ensureFolder(this.app, folder);
				await this.app.vault.create(this.path, appendReviews(newReviewLog(stringifyYaml), lines));
			}
			this.pending.splice(0, lines.length);
		} catch (e) {
			if (!this.warned) {
				this.warned = true;
				new Notice(`Could not save the flashcard grade: ${e instanceof Error ? e.message : String(e)}. Grades are kept and saved with the next one.`, 10000);
			}
		}
	}
}
