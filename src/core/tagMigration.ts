/**
 * Notes written for 0.1, when `type:` alone made a note ours: they have one
 * of our `type:` values and no `mlsd/<kind>` tag, so they no longer take
 * part. The plugin lists them once and adds the tag only where the user says
 * yes (through Obsidian's processFrontMatter); nothing changes otherwise.
 */
import { dirname } from "./paths";
import { kindTag, legacyKindOf, normalizeTag } from "./schema";
import type { Frontmatter, NoteType } from "./types";

export interface LegacyNote {
	path: string;
	kind: NoteType;
	/** Suggested for tagging: the note sits in one of the plugin's folders, so it is most likely ours. */
	suggested: boolean;
}

/** Notes with an old `type:` of ours and no kind tag, sorted by path; `folders` are the plugin's own folders. */
export function legacyNotes(
	notes: Iterable<{ path: string; frontmatter: Frontmatter | null | undefined; inlineTags?: readonly string[] }>,
	folders: readonly string[],
): LegacyNote[] {
	const inside = (path: string): boolean => folders.some((f) => f !== "" && f !== "/" && (dirname(path) === f || path.startsWith(`${f}/`)));
	const out: LegacyNote[] = [];
	for (const n of notes) {
		const kind = legacyKindOf(n.frontmatter, n.inlineTags ?? []);
		if (kind) out.push({ path: n.path, kind, suggested: inside(n.path) });
	}
	return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Adds the kind's tag to a note's properties in place (for processFrontMatter):
 * `tags` becomes a list if it was text, existing tags are kept in order, and
 * nothing else is touched. Returns false when the tag was already there.
 */
export function addKindTag(fm: Frontmatter, kind: NoteType): boolean {
	const tag = kindTag(kind);
	const current = fm.tags;
	const list: unknown[] = Array.isArray(current)
		? [...(current as unknown[])]
		: typeof current === "string" && current.trim() !== ""
			? current.split(/[,\s]+/).filter((t) => t !== "")
			: [];
	if (list.some((t) => typeof t === "string" && normalizeTag(t) === tag)) return false;
	list.push(tag);
	fm.tags = list;
	return true;
}
