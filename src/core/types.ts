/** Shared domain types. Pure: no Obsidian and no Node imports anywhere in src/core. */

/**
 * The kinds of note the plugin reads. A note is of a kind only when it carries
 * the tag `mlsd/<kind>` (CONTENT.md, "What makes a note ours"); a generic
 * `type:` property is never read.
 */
export const NOTE_TYPES = ["framework-step", "case-study", "concept", "checklist", "practice", "twist", "moc", "template"] as const;
export type NoteType = (typeof NOTE_TYPES)[number];

export const DOMAINS = [
	"recsys", "search", "ads", "vision", "nlp", "genai", "trust-safety",
	"fraud-risk", "forecasting", "maps-logistics", "speech", "infra",
] as const;
export type Domain = (typeof DOMAINS)[number];

export const DIFFICULTIES = ["easy", "medium", "hard"] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

export const CATEGORIES = [
	"metric", "model", "data", "training", "evaluation", "serving",
	"monitoring", "infra", "genai", "responsible-ai", "interview-craft",
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Frontmatter = Record<string, unknown>;

/** Where a note comes from: shipped with the plugin, or written by the user. */
export type NoteOrigin = "shipped" | "personal";

/** One file of the embedded template, as produced at build time. */
export interface TemplateFile {
	/** Path relative to the install folder, with forward slashes. */
	path: string;
	content: string;
	/** contentHash(content) */
	hash: string;
	/**
	 * Frontmatter pre-parsed at build time. In the plugin's bundle only template
	 * notes keep it (their `template-for` is read from it; see core/templatePack.ts);
	 * installed notes are read through the metadata cache. Null when absent.
	 */
	frontmatter: Frontmatter | null;
}

export interface EmbeddedTemplate {
	/** Hash over every file's path and hash: changes whenever any shipped file changes. */
	version: string;
	files: TemplateFile[];
}

/** A problem found in a note or a file, pointing at a line (1-based) where one is known. */
export interface Issue {
	path: string;
	line: number | null;
	rule: string;
	message: string;
	/** "error" (the default) breaks a command or the content standard; "warning" and "info" never fail a check. */
	severity?: "error" | "warning" | "info";
}
