/**
 * The note schema from the content contract, as code: which properties each
 * note type needs and what values they may take. Used by the catalog (to skip
 * broken personal notes) and by the doctor (to report them).
 */
import { CATEGORIES, DIFFICULTIES, DOMAINS, NOTE_TYPES, type Frontmatter, type NoteType } from "./types";

export interface PropertyProblem {
	property: string;
	message: string;
}

/** How a practice session went, as the self-review records it (the grades of FSRS). */
export const PRACTICE_RATINGS = ["again", "hard", "good", "easy"] as const;
export type PracticeRating = (typeof PRACTICE_RATINGS)[number];

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");
const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

function oneOf(fm: Frontmatter, key: string, allowed: readonly string[], out: PropertyProblem[]): void {
	const v = fm[key];
	if (v === undefined || v === null) out.push({ property: key, message: `"${key}" is missing (one of: ${allowed.join(", ")})` });
	else if (typeof v !== "string" || !allowed.includes(v)) out.push({ property: key, message: `"${key}" is ${JSON.stringify(v)}; expected one of: ${allowed.join(", ")}` });
}

function optionalStringList(fm: Frontmatter, key: string, out: PropertyProblem[]): void {
	const v = fm[key];
	if (v !== undefined && v !== null && !isStringList(v)) out.push({ property: key, message: `"${key}" must be a list of text values` });
}

export function noteTypeOf(fm: Frontmatter | null): NoteType | null {
	const t = fm?.type;
	return typeof t === "string" && (NOTE_TYPES as readonly string[]).includes(t) ? (t as NoteType) : null;
}

/** Problems with a note's properties; an empty list means the note follows the schema. */
export function validateProperties(fm: Frontmatter): PropertyProblem[] {
	const out: PropertyProblem[] = [];
	const type = fm.type;
	if (typeof type !== "string" || !(NOTE_TYPES as readonly string[]).includes(type)) {
		out.push({ property: "type", message: `"type" is ${JSON.stringify(type)}; expected one of: ${NOTE_TYPES.join(", ")}` });
		return out;
	}
	optionalStringList(fm, "tags", out);
	optionalStringList(fm, "aliases", out);
	switch (type as NoteType) {
		case "framework-step":
			if (!isInt(fm.step) || fm.step < 1 || fm.step > 7) out.push({ property: "step", message: `"step" must be a whole number from 1 to 7` });
			if (typeof fm.minutes !== "number" || !(fm.minutes > 0) || fm.minutes > 45) out.push({ property: "minutes", message: `"minutes" must be a number of minutes between 1 and 45` });
			break;
		case "case-study":
			oneOf(fm, "domain", DOMAINS, out);
			oneOf(fm, "difficulty", DIFFICULTIES, out);
			if (!isStringList(fm.prompts) || fm.prompts.filter((p) => p.trim() !== "").length === 0) out.push({ property: "prompts", message: `"prompts" must be a list with at least one phrasing of the question` });
			optionalStringList(fm, "concepts", out);
			break;
		case "concept":
			oneOf(fm, "category", CATEGORIES, out);
			break;
		case "checklist":
			if (!isInt(fm.step) || fm.step < 1 || fm.step > 7) out.push({ property: "step", message: `"step" must be a whole number from 1 to 7 (the framework step these items belong to)` });
			break;
		case "practice":
			if (typeof fm.case !== "string" || fm.case.trim() === "") out.push({ property: "case", message: `"case" must link the case study practised` });
			if (typeof fm.date !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(fm.date)) out.push({ property: "date", message: `"date" must be a date such as 2026-01-31` });
			practiceLoopProblems(fm, out);
			break;
		case "moc":
		case "template":
			break;
	}
	return out;
}

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === "";

function numberList(fm: Frontmatter, key: string, ok: (n: number) => boolean, rule: string, out: PropertyProblem[]): void {
	const v = fm[key];
	if (isEmpty(v)) return;
	if (!Array.isArray(v) || !v.every((x) => x === null || (typeof x === "number" && Number.isFinite(x) && ok(x)))) {
		out.push({ property: key, message: `"${key}" must be a list of ${rule}` });
	}
}

/** The properties the practice loop writes; each may be empty until the self-review fills it in. */
function practiceLoopProblems(fm: Frontmatter, out: PropertyProblem[]): void {
	if (!isEmpty(fm.rating) && !(typeof fm.rating === "string" && (PRACTICE_RATINGS as readonly string[]).includes(fm.rating))) {
		out.push({ property: "rating", message: `"rating" is ${JSON.stringify(fm.rating)}; expected one of: ${PRACTICE_RATINGS.join(", ")}` });
	}
	if (!isEmpty(fm.due) && !(typeof fm.due === "string" && /^\d{4}-\d{2}-\d{2}$/.test(fm.due))) {
		out.push({ property: "due", message: `"due" must be a date such as 2026-01-31` });
	}
	numberList(fm, "step-minutes", (n) => n >= 0, "minutes (numbers, 0 or more)", out);
	numberList(fm, "step-overrun", (n) => n >= 0, "minutes (numbers, 0 or more)", out);
	numberList(fm, "step-scores", (n) => Number.isInteger(n) && n >= 1 && n <= 4, "scores from 1 to 4", out);
}

/** `"[[Name]]"`, `[[Name|x]]` or `Name` → `Name`. */
export function linkTargetOf(value: string): string {
	const m = /^\s*!?\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]\s*$/.exec(value);
	return (m ? m[1]! : value).trim();
}
