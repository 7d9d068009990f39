/**
 * Three-way merge of a shipped note: base (the shipped version that was
 * installed) → the user's note → the new shipped version.
 *
 * The base is kept as one short hash per line (see `baseTokens`), never as
 * text: a merge only ever copies lines from the user's note or the new
 * version, and it needs the base only to tell which lines each side changed.
 * That keeps the stored bases small (8 characters a line) and identical on
 * desktop, mobile and the CLI.
 *
 * Rules, beyond a plain line merge (node-diff3 finds the changed lines):
 * - A line is compared without its annotations: a task's checkbox state and
 *   the Spaced Repetition plugin's `<!--SR:…-->` comments (inline, or on the
 *   line after a card). When the user only ticked a box or SR only scheduled
 *   a card, and the new version rewrote that line, the tick and the comment
 *   are carried onto the new line.
 * - A `## My notes` section belongs to the user: it is taken out before the
 *   merge and put back where it was (before the same heading, or at the end).
 * - Both sides inserting lines at the same place is not a conflict: the new
 *   version's lines come first, then the user's.
 * - Changes that touch different lines merge, also when they are adjacent.
 * Anything else that both sides changed is a conflict: the merge then gives
 * no text (the user's note stays as it is) and `partial`, which is every
 * non-conflicting change of the new version applied with the user's side of
 * each conflict kept. No conflict markers are ever produced.
 */
import { diffIndices } from "node-diff3";
import { lineHash, normalizeLineEndings } from "./hash";

const TASK = /^(\s*(?:[-*+]|\d+[.)])\s+\[)(.)(\])/u;
const SR_INLINE = /\s*<!--SR:[^\n]*?-->\s*$/;
const SR_LINE = /^\s*<!--SR:.*-->\s*$/;
const MY_NOTES = /^(#{1,6})\s+my notes\s*#*\s*$/i;
const FENCE = /^\s*(```|~~~)/;

interface Parsed {
	/** The line without SR comments and with the checkbox (if any) blanked. */
	core: string;
	/** Index of the checkbox character in `core`, or -1. */
	boxAt: number;
	box: string | null;
	/** The SR comments taken off the line, with their leading whitespace and line breaks. */
	sr: string;
}

function parseLine(line: string): Parsed {
	let body = line;
	let sr = "";
	const nl = body.indexOf("\n");
	if (nl >= 0) {
		sr = body.slice(nl);
		body = body.slice(0, nl);
	}
	const inline = SR_INLINE.exec(body);
	if (inline) {
		sr = inline[0] + sr;
		body = body.slice(0, inline.index);
	}
	const task = TASK.exec(body);
	if (task) {
		const boxAt = task[1]!.length;
		return { core: body.slice(0, boxAt) + " " + body.slice(boxAt + task[2]!.length), boxAt, box: task[2]!, sr };
	}
	return { core: body, boxAt: -1, box: null, sr };
}

/** A checkbox state that fits in one token character. */
const plainBox = (box: string | null): boolean => box !== null && box.length === 1 && box >= " " && box <= "}" && box !== "_";

/**
 * The token of one logical line: 7 characters hashing the line without its
 * annotations, then one for the annotation: the checkbox state, `_` for a
 * line without a checkbox, `~` for a line with SR comments (then the hash
 * covers the whole line).
 */
export function lineToken(line: string): string {
	const p = parseLine(line);
	if (p.sr !== "") return lineHash(line) + "~";
	if (p.box === null) return lineHash(p.core) + "_";
	if (!plainBox(p.box)) return lineHash(line) + "~";
	return lineHash(p.core) + p.box;
}

/**
 * Splits a note into logical lines: physical lines, except that a line
 * holding only an SR comment is joined (with its line break) to the line
 * before it, so scheduling a multi-line card reads as an annotation of it.
 */
export function logicalLines(text: string): string[] {
	const out: string[] = [];
	for (const line of normalizeLineEndings(text).split("\n")) {
		if (out.length > 0 && SR_LINE.test(line)) out[out.length - 1] += "\n" + line;
		else out.push(line);
	}
	return out;
}

/** The stored form of a base: one 8-character token per logical line, concatenated. */
export function baseTokens(text: string): string {
	return logicalLines(text).map(lineToken).join("");
}

function splitTokens(tokens: string): string[] {
	const out: string[] = [];
	for (let i = 0; i + 8 <= tokens.length; i += 8) out.push(tokens.slice(i, i + 8));
	return out;
}

/** Whether `line` is the base line (given by its token) with only its checkbox state or SR comments changed. */
function annotationOnly(base: string, line: string): boolean {
	if (base.endsWith("~")) return false;
	const p = parseLine(line);
	return lineHash(p.core) === base.slice(0, 7) && (p.box === null) === base.endsWith("_");
}

/** Puts the user's annotations (checkbox state, SR comments) of `mine` onto `theirs`, or null when they cannot go there. */
function carryAnnotations(base: string, mine: string, theirs: string): string | null {
	const m = parseLine(mine);
	const t = parseLine(theirs);
	const baseBox = base.endsWith("_") ? null : base.slice(7);
	if (m.box !== baseBox) {
		// The user changed the checkbox: the new line must still be a task whose box the new version left alone.
		if (t.box === null || (t.box !== baseBox && t.box !== m.box)) return null;
	}
	if (m.sr !== "" && t.sr !== "" && t.sr !== m.sr) return null;
	const box = m.box !== baseBox ? m.box! : t.box;
	const core = t.boxAt >= 0 && box !== null ? t.core.slice(0, t.boxAt) + box + t.core.slice(t.boxAt + 1) : t.core;
	return core + (m.sr !== "" ? m.sr : t.sr);
}

interface Hunk {
	side: "a" | "b";
	oStart: number;
	oLen: number;
	xStart: number;
	xLen: number;
}

function hunks(o: string[], x: string[], side: "a" | "b"): Hunk[] {
	return diffIndices(o, x).map((h) => ({ side, oStart: h.buffer1[0], oLen: h.buffer1[1], xStart: h.buffer2[0], xLen: h.buffer2[1] }));
}

type Segment =
	| { stable: true; oStart: number; oEnd: number; aStart: number; bStart: number }
	| { stable: false; sides: Set<"a" | "b">; oStart: number; oEnd: number; aStart: number; aEnd: number; bStart: number; bEnd: number };

/**
 * Walks a three-way comparison: stable runs (equal on all three sides) and
 * changed regions (hunks of either side whose base ranges overlap; an
 * insertion next to a change of the other side does not overlap it, except
 * two insertions at the same place).
 */
function segments(o: string[], ka: string[], kb: string[]): Segment[] {
	const all = [...hunks(o, ka, "a"), ...hunks(o, kb, "b")].sort((x, y) => x.oStart - y.oStart || x.oLen - y.oLen);
	const out: Segment[] = [];
	let oPos = 0;
	let dA = 0; // offset of A's lines against O's before the current position
	let dB = 0;
	for (let i = 0; i < all.length;) {
		const first = all[i]!;
		let end = first.oStart + first.oLen;
		const region = [first];
		i++;
		while (i < all.length) {
			const h = all[i]!;
			const overlaps = h.oStart < end || (h.oLen === 0 && first.oLen === 0 && end === first.oStart && h.oStart === end);
			if (!overlaps) break;
			region.push(h);
			end = Math.max(end, h.oStart + h.oLen);
			i++;
		}
		const start = first.oStart;
		if (start > oPos) out.push({ stable: true, oStart: oPos, oEnd: start, aStart: oPos + dA, bStart: oPos + dB });
		const grow = (side: "a" | "b"): number => region.filter((h) => h.side === side).reduce((n, h) => n + h.xLen - h.oLen, 0);
		const seg = { stable: false as const, sides: new Set(region.map((h) => h.side)), oStart: start, oEnd: end, aStart: start + dA, aEnd: end + dA + grow("a"), bStart: start + dB, bEnd: end + dB + grow("b") };
		out.push(seg);
		dA = seg.aEnd - end;
		dB = seg.bEnd - end;
		oPos = end;
	}
	if (o.length > oPos) out.push({ stable: true, oStart: oPos, oEnd: o.length, aStart: oPos + dA, bStart: oPos + dB });
	return out;
}

/** A key that ignores a line's annotations (checkbox state, SR comments): equal for a line and its ticked copy. */
function coreKeyOfToken(t: string): string {
	return t.endsWith("~") ? `~${t}` : t.slice(0, 7) + (t.endsWith("_") ? "_" : "t");
}
function coreKey(line: string): string {
	const p = parseLine(line);
	return lineHash(p.core) + (p.box === null ? "_" : "t");
}

/** One line both sides kept (in core): the new version's line with the user's annotations. */
function carryLine(o: string, a: string, b: string): string | null {
	if (lineToken(a) === o) return b;
	if (lineToken(b) === o || lineToken(a) === lineToken(b)) return a;
	return annotationOnly(o, a) ? carryAnnotations(o, a, b) : null;
}

/**
 * Second look at a region both sides changed, with annotations ignored: the
 * user's ticks and SR comments then align with the lines they belong to, and
 * what remains are the user's real edits beside the new version's. Null when
 * real edits still overlap.
 */
function resolveByCore(o: string[], a: string[], b: string[]): string[] | null {
	const out: string[] = [];
	for (const seg of segments(o.map(coreKeyOfToken), a.map(coreKey), b.map(coreKey))) {
		if (seg.stable) {
			for (let i = 0; i < seg.oEnd - seg.oStart; i++) {
				const line = carryLine(o[seg.oStart + i]!, a[seg.aStart + i]!, b[seg.bStart + i]!);
				if (line === null) return null;
				out.push(line);
			}
			continue;
		}
		const ra = a.slice(seg.aStart, seg.aEnd);
		const rb = b.slice(seg.bStart, seg.bEnd);
		const ro = o.slice(seg.oStart, seg.oEnd);
		if (!seg.sides.has("b")) {
			// Only the user changed these lines; the new version may not have re-annotated them.
			if (!eq(rb.map(lineToken), ro)) return null;
			out.push(...ra);
		} else if (!seg.sides.has("a")) {
			if (eq(ra.map(lineToken), ro)) out.push(...rb);
			else if (ra.length === ro.length && rb.length === ro.length) {
				for (let i = 0; i < ro.length; i++) {
					const line = carryLine(ro[i]!, ra[i]!, rb[i]!);
					if (line === null) return null;
					out.push(line);
				}
			} else return null;
		} else {
			const r = resolveSimple(ro, ra, ra.map(lineToken), rb, rb.map(lineToken));
			if (r === null) return null;
			out.push(...r);
		}
	}
	return out;
}

const eq = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

function containsRun(hay: readonly string[], needle: readonly string[]): boolean {
	if (needle.length === 0) return true;
	for (let i = 0; i + needle.length <= hay.length; i++) if (needle.every((n, j) => hay[i + j] === n)) return true;
	return false;
}

/** Resolves a region both sides changed; null when it is a true conflict. */
function resolve(o: string[], a: string[], ta: string[], b: string[], tb: string[]): string[] | null {
	return resolveSimple(o, a, ta, b, tb) ?? (o.length > 0 ? resolveByCore(o, a, b) : null);
}

function resolveSimple(o: string[], a: string[], ta: string[], b: string[], tb: string[]): string[] | null {
	if (eq(ta, tb)) return a;
	if (o.length === 0) {
		// Both inserted at the same place: keep both, the new version's lines first.
		if (containsRun(tb, ta)) return b;
		if (containsRun(ta, tb)) return a;
		return [...b, ...a];
	}
	if (a.length !== o.length || b.length !== o.length) return null;
	const out: string[] = [];
	for (let i = 0; i < o.length; i++) {
		if (ta[i] === o[i]) out.push(b[i]!);
		else if (tb[i] === o[i] || ta[i] === tb[i]) out.push(a[i]!);
		else if (annotationOnly(o[i]!, a[i]!)) {
			const carried = carryAnnotations(o[i]!, a[i]!, b[i]!);
			if (carried === null) return null;
			out.push(carried);
		} else return null;
	}
	return out;
}

export interface Conflict {
	/** Logical lines of the user's note (0-based, end exclusive) in conflict. */
	mine: [number, number];
	/** Logical lines of the new version in conflict. */
	theirs: [number, number];
}

export interface MergeResult {
	/** The merged note; null when there is a conflict (the user's note must stay as it is). */
	text: string | null;
	/** Every non-conflicting change applied, the user's side kept in each conflict (equals `text` when clean). */
	partial: string;
	conflicts: Conflict[];
	/** Regions taken from the user's note, and from the new version. */
	kept: number;
	applied: number;
}

interface Section {
	lines: string[];
	/** The line the section stood before in the user's note, or null when it ended the note. */
	before: string | null;
}

/** Takes the user's `## My notes` section (with the blank lines before it) out of the lines. */
function takeMyNotes(lines: string[]): { rest: string[]; section: Section | null; at: number; length: number } {
	let fence = false;
	let start = -1;
	let level = 0;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (FENCE.test(line)) fence = !fence;
		if (fence) continue;
		const m = MY_NOTES.exec(line);
		if (m) {
			start = i;
			level = m[1]!.length;
			break;
		}
	}
	if (start < 0) return { rest: lines, section: null, at: 0, length: 0 };
	let end = lines.length;
	fence = false;
	for (let i = start + 1; i < lines.length; i++) {
		const line = lines[i]!;
		if (FENCE.test(line)) fence = !fence;
		if (fence) continue;
		const h = /^(#{1,6})\s/.exec(line);
		if (h && h[1]!.length <= level) {
			end = i;
			break;
		}
	}
	// Blank lines before the next heading stay with the note, so the note reads as before without the section.
	let tail = end;
	if (end < lines.length) while (tail > start + 1 && lines[tail - 1]!.trim() === "") tail--;
	else if (lines[end - 1] === "") tail = end - 1; // the empty string after the last line break
	let head = start;
	while (head > 0 && lines[head - 1]!.trim() === "" && !lines[head - 1]!.includes("\n")) head--;
	if (head === 0 && start > 0) head = start; // a note of only blank lines and the section: keep it simple
	const section = { lines: lines.slice(head, tail), before: end < lines.length ? lines[end]! : null };
	return { rest: [...lines.slice(0, head), ...lines.slice(tail)], section, at: head, length: tail - head };
}

function putBack(lines: string[], section: Section | null): string[] {
	if (!section) return lines;
	let at = section.before === null ? -1 : lines.indexOf(section.before);
	if (at < 0) {
		at = lines.length;
		if (lines[at - 1] === "") at--;
	}
	// Before the blank lines that lead to the anchor, so the spacing stays as the user had it.
	while (at > 0 && lines[at - 1]!.trim() === "" && section.lines[0]?.trim() === "") at--;
	const needsBreak = at > 0 && section.lines[0]?.trim() !== "" && lines[at - 1]!.trim() !== "";
	return [...lines.slice(0, at), ...(needsBreak ? [""] : []), ...section.lines, ...lines.slice(at)];
}

/**
 * Merges the user's note with a new shipped version.
 * @param base the stored tokens of the shipped version that was installed (see baseTokens)
 * @param mine the user's note as it is now
 * @param theirs the new shipped version
 */
export function mergeNote(base: string, mine: string, theirs: string): MergeResult {
	const crlf = /\r\n/.test(mine) && !/(^|[^\r])\n/.test(mine);
	const taken = takeMyNotes(logicalLines(mine));
	const o = splitTokens(base);
	const a = taken.rest;
	// The user's section replaces any the new version brings (a section in the base then reads as removed on both sides).
	const takenB = taken.section ? takeMyNotes(logicalLines(theirs)) : { rest: logicalLines(theirs), at: 0, length: 0 };
	const b = takenB.rest;
	// Conflicts are reported in the lines of the notes as they are, with the sections in place.
	const inMine = (i: number): number => (taken.section && i >= taken.at ? i + taken.length : i);
	const inTheirs = (i: number): number => (takenB.length > 0 && i >= takenB.at ? i + takenB.length : i);
	const ta = a.map(lineToken);
	const tb = b.map(lineToken);
	const merged: string[] = [];
	const partial: string[] = [];
	const conflicts: Conflict[] = [];
	let kept = 0;
	let applied = 0;
	for (const seg of segments(o, ta, tb)) {
		if (seg.stable) {
			const lines = a.slice(seg.aStart, seg.aStart + seg.oEnd - seg.oStart);
			merged.push(...lines);
			partial.push(...lines);
			continue;
		}
		const ra = a.slice(seg.aStart, seg.aEnd);
		const rb = b.slice(seg.bStart, seg.bEnd);
		let out: string[] | null;
		if (!seg.sides.has("b")) {
			out = ra;
			kept++;
		} else if (!seg.sides.has("a")) {
			out = rb;
			applied++;
		} else {
			out = resolve(o.slice(seg.oStart, seg.oEnd), ra, ta.slice(seg.aStart, seg.aEnd), rb, tb.slice(seg.bStart, seg.bEnd));
			if (out) {
				kept++;
				applied++;
			}
		}
		if (out) {
			merged.push(...out);
			partial.push(...out);
		} else {
			conflicts.push({ mine: [inMine(seg.aStart), inMine(seg.aEnd)], theirs: [inTheirs(seg.bStart), inTheirs(seg.bEnd)] });
			partial.push(...ra);
		}
	}
	const finish = (lines: string[]): string => {
		const text = putBack(lines, taken.section).join("\n");
		return crlf ? text.replace(/\n/g, "\r\n") : text;
	};
	return { text: conflicts.length === 0 ? finish(merged) : null, partial: finish(partial), conflicts, kept, applied };
}

export type DiffRow = { kind: "same" | "mine" | "theirs"; text: string; conflict?: boolean };

/**
 * A line diff of the user's note against the new version, for the compare
 * view: rows the two share, rows only in the user's note ("mine", removed by
 * taking the new version) and rows only in the new version ("theirs").
 * Rows inside a conflict of the merge are flagged.
 */
export function lineDiff(mine: string, theirs: string, conflicts: readonly Conflict[] = []): DiffRow[] {
	const a = normalizeLineEndings(mine).split("\n");
	const b = normalizeLineEndings(theirs).split("\n");
	// Conflicts are in logical lines; map them to physical lines of each text.
	const physical = (text: string): number[] => {
		const starts: number[] = [];
		let n = 0;
		for (const l of logicalLines(text)) {
			starts.push(n);
			n += l.split("\n").length;
		}
		starts.push(n);
		return starts;
	};
	const pa = physical(mine);
	const pb = physical(theirs);
	const inConflict = (line: number, side: "mine" | "theirs"): boolean => conflicts.some((c) => {
		const [s, e] = c[side];
		const p = side === "mine" ? pa : pb;
		return line >= (p[s] ?? 0) && line < (p[e] ?? Infinity);
	});
	const rows: DiffRow[] = [];
	let ia = 0;
	let ib = 0;
	const same = (untilA: number): void => {
		for (; ia < untilA; ia++, ib++) rows.push({ kind: "same", text: a[ia]! });
	};
	for (const h of diffIndices(a, b)) {
		same(h.buffer1[0]);
		for (let k = 0; k < h.buffer1[1]; k++, ia++) rows.push({ kind: "mine", text: a[ia]!, ...(inConflict(ia, "mine") ? { conflict: true } : {}) });
		for (let k = 0; k < h.buffer2[1]; k++, ib++) rows.push({ kind: "theirs", text: b[ib]!, ...(inConflict(ib, "theirs") ? { conflict: true } : {}) });
	}
	same(a.length);
	return rows;
}
