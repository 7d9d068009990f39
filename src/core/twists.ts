/**
 * Twists are notes (tag `mlsd/twist`): the body says the twist as an
 * interviewer would, `## What changes` names the steps it hits, and
 * `## Model answer` answers it. `fits` lists the domains the twist makes
 * sense for, or `any`. A draw only picks a twist that fits its case, and says
 * so when none does. A user's own twist notes join exactly like ours.
 */
import type { Catalog, TwistRecord } from "./catalog";
import { bodyRange, noteLines, outlined, sectionOf, type NoteInput } from "./outline";
import { pick, type Rng } from "./rng";

export const ANY_DOMAIN = "any";

export interface Twist {
	/** Note name, for links. */
	name: string;
	path: string;
	/** Lower-case domains, or ["any"]. */
	fits: string[];
	/** The twist as the interviewer says it (one paragraph, plain text). */
	text: string;
}

export interface TwistParts {
	text: string;
	whatChanges: string | null;
	modelAnswer: string | null;
}

/** Whether a twist fits a case's domain (case-insensitive; "any" fits every domain). */
export function twistFits(fits: readonly string[], domain: string): boolean {
	const d = domain.trim().toLowerCase();
	return fits.some((f) => f === ANY_DOMAIN || f === d);
}

/**
 * What the interviewer says: the body before the first `##` heading, without
 * a `#` title, callout markers or block quotes, joined into one paragraph.
 */
export function twistSaying(body: string): string {
	const lines: string[] = [];
	for (const raw of body.replace(/\r\n?/g, "\n").split("\n")) {
		if (/^##\s/.test(raw)) break;
		if (/^#\s/.test(raw) || /^>\s*\[!/.test(raw)) continue;
		const line = raw.replace(/^>\s?/, "").trim();
		if (line !== "") lines.push(line);
	}
	return lines.join(" ").replace(/^["“](.*)["”]$/, "$1").trim();
}

export function twistParts(note: NoteInput): TwistParts {
	const n = outlined(note);
	// What the interviewer says: the body up to its first level-2 heading (from the outline, so a heading in code does not end it).
	const { from } = bodyRange(n);
	const end = n.outline.headings.find((h) => h.level === 2 && h.line >= from)?.line;
	const body = noteLines(n).slice(from, end).join("\n");
	const part = (h: string): string | null => {
		const t = sectionOf(n, h)?.trim();
		return t ? t : null;
	};
	return { text: twistSaying(body), whatChanges: part("What changes"), modelAnswer: part("Model answer") };
}

/**
 * Every twist note in the catalog with its text, read through `read` (the
 * vault in Obsidian, the folder in the CLI). A note with no text before its
 * first section is left out: there is nothing for the interviewer to say.
 */
export async function twistsFromCatalog(catalog: Catalog, read: (path: string) => Promise<NoteInput | null> | NoteInput | null): Promise<Twist[]> {
	const out: Twist[] = [];
	for (const t of catalog.twists()) {
		const text = await read(t.path);
		if (text === null) continue;
		const saying = twistParts(text).text;
		if (saying !== "") out.push({ name: t.name, path: t.path, fits: t.fits, text: saying });
	}
	return out;
}

export type TwistDraw = { twist: Twist } | { twist: null; message: string };

/** Picks a twist that fits the domain; says why when there is none. */
export function drawTwist(twists: readonly Twist[], domain: string, rng: Rng): TwistDraw {
	if (twists.length === 0) {
		return { twist: null, message: "There are no twist notes yet, so this prompt has no twist. Install the notes, or add a note tagged mlsd/twist with a \"fits\" property." };
	}
	const fitting = twists.filter((t) => twistFits(t.fits, domain));
	if (fitting.length === 0) {
		return { twist: null, message: `None of the ${twists.length} twist notes fits the domain "${domain}", so this prompt has no twist. Add "${domain}" to a twist's "fits", or write a twist note for it.` };
	}
	return { twist: pick(fitting, rng) };
}

/** The twist records (without text) that fit a domain, for counts and checks. */
export function fittingTwists(records: readonly TwistRecord[], domain: string): TwistRecord[] {
	return records.filter((t) => twistFits(t.fits, domain));
}
