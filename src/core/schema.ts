/**
 * The note schema from the content contract, as code: which properties each
 * note type needs and what values they may take. Used by the catalog (to skip
 * broken personal notes) and by the doctor (to report them).
 */
import { sessionProblems } from "./session";
import { CATEGORIES, DIFFICULTIES, DOMAINS, NOTE_TYPES, type Frontmatter, type NoteType } from "./types";

export interface PropertyProblem {
	property: string;
	message: string;
}

export { PRACTICE_RATINGS, type PracticeRating } from "./session";

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
			out.push(...sessionProblems(fm));
			break;
		case "twist":
			if (!isFits(fm.fits)) out.push({ property: "fits", message: `"fits" must list the domains this twist fits (such as [recsys, ads]), or be "any"` });
			break;
		case "moc":
		case "template":
			break;
	}
	return out;
}

/** `fits: any`, or a non-empty list of domain names (any string: a user's own domains are welcome). */
function isFits(v: unknown): boolean {
	if (typeof v === "string") return v.trim() !== "";
	return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === "string" && x.trim() !== "");
}

/** `"[[Name]]"`, `[[Name|x]]` or `Name` → `Name`. */
export function linkTargetOf(value: string): string {
	const m = /^\s*!?\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]\s*$/.exec(value);
	return (m ? m[1]! : value).trim();
}
