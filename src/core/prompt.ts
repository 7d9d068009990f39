/** Drawing a random interview prompt from the case studies in the catalog. */
import type { CaseRecord, Catalog } from "./catalog";
import { pick, type Rng } from "./rng";
import { difficultyOf, domainOf } from "./schema";
import { drawTwist, type Twist } from "./twists";
import { DOMAINS } from "./types";

export type SourceFilter = "both" | "shipped" | "personal";

export interface PromptFilters {
	domain: string | null;
	difficulty: string | null;
	source: SourceFilter;
	/** Skip cases practised within this many days (0 = never skip). */
	skipPractisedDays: number;
	/** Add a twist: a twist note that fits the case's domain. */
	twist: boolean;
}

export const DEFAULT_FILTERS: PromptFilters = { domain: null, difficulty: null, source: "both", skipPractisedDays: 0, twist: true };

export interface Draw {
	caseName: string;
	casePath: string;
	domain: string;
	difficulty: string;
	prompt: string;
	/** What the interviewer says, or null. */
	twist: string | null;
	/** The twist note's name (its model answer is one click away), or null. */
	twistNote: string | null;
	/** Why a twist was wanted but none was drawn, or null. */
	twistNotice?: string | null;
}

export type DrawResult = { draw: Draw } | { error: string };

/** Days between two YYYY-MM-DD dates (b - a). */
export function daysBetween(a: string, b: string): number {
	return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The domains a domain filter offers: the ones the case studies use (known
 * domains first, in their usual order, then the user's own, A to Z), plus the
 * current choice so a remembered filter never disappears.
 */
export function domainChoices(used: readonly string[], current: string | null): string[] {
	const all = new Set(used);
	const cur = domainOf(current);
	if (cur) all.add(cur);
	const rank = (d: string): number => {
		const i = (DOMAINS as readonly string[]).indexOf(d);
		return i < 0 ? DOMAINS.length : i;
	};
	return [...all].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Applies the filters one by one, so an empty pool can name the filter that emptied it. */
export function candidateCases(catalog: Catalog, filters: PromptFilters, today: string): { cases: CaseRecord[] } | { error: string } {
	let pool = catalog.cases().filter((c) => c.prompts.length > 0);
	if (pool.length === 0) {
		const waiting = catalog.undrawable();
		const why = waiting.length > 0 ? ` Not drawn: ${waiting.slice(0, 3).map((w) => `"${w.name}" (${w.reason})`).join("; ")}${waiting.length > 3 ? `; and ${waiting.length - 3} more` : ""}.` : "";
		return { error: `There are no case studies with prompts yet. Install the notes, or give a case study of yours a "prompts" list with real questions (not the template's placeholder).${why}` };
	}
	const steps: [string, (c: CaseRecord) => boolean][] = [];
	if (filters.source !== "both") steps.push([`source "${filters.source}"`, (c) => c.origin === filters.source]);
	const domain = domainOf(filters.domain);
	const difficulty = filters.difficulty ? difficultyOf(filters.difficulty) ?? filters.difficulty.trim().toLowerCase() : null;
	if (domain) steps.push([`domain "${domain}"`, (c) => c.domain === domain]);
	if (difficulty) steps.push([`difficulty "${difficulty}"`, (c) => c.difficulty === difficulty]);
	if (filters.skipPractisedDays > 0) {
		const last = catalog.lastPractised();
		steps.push([`"skip cases practised in the last ${filters.skipPractisedDays} days"`, (c) => {
			const d = last.get(c.name.toLowerCase());
			return d === undefined || daysBetween(d, today) >= filters.skipPractisedDays;
		}]);
	}
	for (const [label, keep] of steps) {
		const next = pool.filter(keep);
		if (next.length === 0) {
			return { error: `No case study is left after the filter ${label} (${pool.length} matched the filters before it). Loosen that filter to draw.` };
		}
		pool = next;
	}
	return { cases: pool };
}

/** A draw for a chosen case: one of its prompts and, when wanted, a twist that fits its domain. */
export function drawForCase(chosen: CaseRecord, rng: Rng, twists: readonly Twist[] | null): Draw {
	const prompt = pick(chosen.prompts, rng);
	const base = { caseName: chosen.name, casePath: chosen.path, domain: chosen.domain, difficulty: chosen.difficulty, prompt };
	if (twists === null) return { ...base, twist: null, twistNote: null, twistNotice: null };
	const t = drawTwist(twists, chosen.domain, rng);
	return t.twist
		? { ...base, twist: t.twist.text, twistNote: t.twist.name, twistNotice: null }
		: { ...base, twist: null, twistNote: null, twistNotice: t.message };
}

export function drawPrompt(catalog: Catalog, filters: PromptFilters, rng: Rng, today: string, twists: readonly Twist[]): DrawResult {
	const pool = candidateCases(catalog, filters, today);
	if ("error" in pool) return pool;
	return { draw: drawForCase(pick(pool.cases, rng), rng, filters.twist ? twists : null) };
}

export function drawToText(d: Draw): string {
	return `${d.prompt}${d.twist ? `\nTwist: ${d.twist}` : ""}\n(${d.caseName}, ${d.domain}, ${d.difficulty})`;
}
