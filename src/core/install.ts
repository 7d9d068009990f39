/**
 * Install and update of the shipped notes, planned as pure data and applied
 * through the vault port. The rules (see DESIGN.md, "Living in the user's
 * vault"): untouched notes are updated; edited notes are merged three-way
 * (base → the user's note → the new version) and only a true conflict keeps
 * the user's note as it is and offers the new one; deleted notes stay
 * deleted; a user's own file at a shipped path is never touched; a note an
 * interrupted write cut off is completed; a lost record is rebuilt from the
 * notes' content and missing notes are not recreated without asking.
 */
import { contentHash, normalizeLineEndings } from "./hash";
import { baseTokens, mergeNote, type Conflict } from "./merge";
import { checkVaultPath, dirname, joinPath } from "./paths";
import type { EmbeddedTemplate, TemplateFile } from "./types";
import type { VaultPort } from "./vaultPort";
export interface InstallRecord {
	/** Vault folder the notes were installed into. */
	folder: string;
	/** Template version last applied. */
	templateVersion: string;
	/** Template-relative path → hash of the content last written (or found identical). */
	files: Record<string, string>;
	/** Template-relative path → hash of a shipped version the user chose not to take ("Keep mine"). */
	declined?: Record<string, string>;
	/**
	 * Set (to the template version being applied) before the first note is
	 * written and cleared when the run ends: a record that still holds it
	 * comes from an install that was cut off, so missing notes are not yours
	 * to keep deleted but ours to finish.
	 */
	inProgress?: string;
	/** With inProgress: the shipped paths that run was about to write (a cut-off note at one of them is ours to finish). */
	writing?: string[];
	/** Shipped paths whose write failed in the last run: a cut-off note there is ours to finish. */
	interrupted?: string[];
}

/** Record value for a note that is ours but whose installed version is unknown (rebuilt after the record was lost). */
export const UNKNOWN_BASE = "0";

export const EMPTY_RECORD: InstallRecord = { folder: "", templateVersion: "", files: {}, declined: {} };

/**
 * The merge bases: for each shipped note, the line tokens (see merge.ts) of
 * the shipped version that was installed, keyed by its hash. Kept in a file
 * of its own in the plugin's folder (about 8 bytes a line), read and written
 * the same way by the plugin and `mlsd`.
 */
export interface BaseStore {
	schema: 1;
	notes: Record<string, Record<string, string>>;
}

export const emptyBases = (): BaseStore => ({ schema: 1, notes: {} });

/** Reads a base store from parsed JSON; anything unreadable gives an empty store (merges then fall back to offers). */
export function readBases(raw: unknown): BaseStore {
	const out = emptyBases();
	if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return out;
	const notes = (raw as { notes?: unknown }).notes;
	if (typeof notes !== "object" || notes === null || Array.isArray(notes)) return out;
	for (const [path, versions] of Object.entries(notes as Record<string, unknown>)) {
		if (typeof versions !== "object" || versions === null || path === "__proto__") continue;
		const kept: Record<string, string> = {};
		for (const [hash, tokens] of Object.entries(versions as Record<string, unknown>)) {
			if (typeof tokens === "string" && tokens.length % 8 === 0 && hash !== "__proto__") kept[hash] = tokens;
		}
		if (Object.keys(kept).length > 0) out.notes[path] = kept;
	}
	return out;
}

export type ActionKind =
	| "create" | "update" | "merge" | "complete" | "unchanged"
	| "keep-edited" | "conflict" | "keep-deleted" | "missing" | "skip-clash"
	| "blocked" | "failed" | "changed";

export interface InstallAction {
	kind: ActionKind;
	/** For a conflict: a shipped version the user has not seen and declined yet. */
	offer?: boolean;
	/** Path inside the template. */
	path: string;
	/** Path in the vault. */
	target: string;
	file: TemplateFile;
	/** The text to write (create, update, complete, merge). */
	text?: string;
	/** Hash of the content the write expects to replace (compare-and-swap). */
	expect?: string;
	/** For a conflict: the non-conflicting changes applied, the user's side of each conflict kept. */
	partial?: string;
	conflicts?: Conflict[];
	/** Why a path was blocked or a write failed. */
	reason?: string;
}

export interface InstallCounts {
	created: number;
	updated: number;
	merged: number;
	completed: number;
	keptEdited: number;
	conflicts: number;
	keptDeleted: number;
	missing: number;
	skippedClash: number;
	failed: number;
	unchanged: number;
}

export interface InstallPlan {
	folder: string;
	templateVersion: string;
	actions: InstallAction[];
	/** The record could not be trusted and was rebuilt from the notes' content. */
	rebuilt: boolean;
}

/** What is at a shipped note's path in the vault. */
export type TargetState =
	| { kind: "missing" }
	| { kind: "file"; text: string; hash: string }
	| { kind: "blocked"; reason: string };

/** Notes larger than this are not read: no shipped note comes near it. */
export const MAX_NOTE_BYTES = 5 * 1024 * 1024;

/**
 * Whether `current` is `full` cut off by an interrupted write: a strict
 * prefix, possibly ending in NUL bytes (a file extended but not filled) or a
 * broken UTF-8 sequence.
 */
export function isTruncationOf(current: string, full: string): boolean {
	// A file extended but not filled reads as NUL bytes; a cut multi-byte character as U+FFFD.
	// eslint-disable-next-line no-control-regex -- NUL is exactly what a cut-off write leaves
	const cut = normalizeLineEndings(current).replace(/[\u0000\uFFFD]+$/, "");
	const whole = normalizeLineEndings(full);
	return cut.length < whole.length && whole.startsWith(cut);
}

export interface PlanOptions {
	/** Stored merge bases. */
	bases?: BaseStore;
	/** After a lost record: create shipped notes that are missing (the user agreed). */
	recreateMissing?: boolean;
	/** The data file was there but unreadable: never treat the folder as fresh when notes are in it. */
	recordLost?: boolean;
}

const baseFor = (bases: BaseStore | undefined, path: string, hash: string | undefined): string | undefined => (hash === undefined ? undefined : bases?.notes[path]?.[hash]);

/**
 * Decides what to do with each shipped file.
 * @param existing vault path → what is there now (see scanTargets)
 */
export function planInstall(
	template: EmbeddedTemplate,
	folder: string,
	record: InstallRecord,
	existing: ReadonlyMap<string, TargetState>,
	options: PlanOptions = {},
): InstallPlan {
	const sameFolder = record.folder === folder;
	const known = sameFolder ? record.files : {};
	const trusted = sameFolder && (Object.keys(record.files).length > 0 || record.inProgress !== undefined);
	const stateOf = (f: TemplateFile): TargetState => existing.get(joinPath(folder, f.path)) ?? { kind: "missing" };
	const bases = options.bases;
	// Only a write of ours that did not finish can leave a cut-off note. A user's note that happens to be
	// a prefix of a shipped one (an empty file, a note whose end they deleted) is theirs.
	const unfinished = !sameFolder ? new Set<string>()
		: new Set([...(record.inProgress !== undefined ? record.writing ?? template.files.map((f) => f.path) : []), ...(record.interrupted ?? [])]);
	const recognised = (f: TemplateFile): boolean => {
		const s = stateOf(f);
		return s.kind === "file" && (s.hash === f.hash || baseFor(bases, f.path, s.hash) !== undefined);
	};
	const rebuilt = !trusted && template.files.some((f) => recognised(f) || (options.recordLost === true && stateOf(f).kind !== "missing"));
	const actions = template.files.map((file): InstallAction => {
		const target = joinPath(folder, file.path);
		const base = { path: file.path, target, file };
		const checked = checkVaultPath(target, "");
		if ("error" in checked) return { ...base, kind: "blocked", reason: checked.error };
		const state = stateOf(file);
		let installed = known[file.path];
		if (rebuilt && installed === undefined && state.kind === "file") {
			// Rebuilding: a note whose content is a shipped version we stored is ours, untouched since;
			// with one stored version for the path, that version is the base of the user's edits.
			const stored = Object.keys(bases?.notes[file.path] ?? {});
			if (baseFor(bases, file.path, state.hash) !== undefined) installed = state.hash;
			else if (stored.length === 1) installed = stored[0];
		}
		if (state.kind === "blocked") return { ...base, kind: "blocked", reason: state.reason };
		if (state.kind === "missing") {
			if (installed !== undefined) return { ...base, kind: "keep-deleted" };
			if (rebuilt && !options.recreateMissing) return { ...base, kind: "missing" };
			return { ...base, kind: "create", text: file.content };
		}
		if (state.hash === file.hash) return { ...base, kind: "unchanged" };
		if (installed !== undefined && state.hash === installed) return { ...base, kind: "update", text: file.content, expect: state.hash };
		// A note an interrupted write cut off is finished, never taken for the user's edit.
		if (unfinished.has(file.path) && isTruncationOf(state.text, file.content)) return { ...base, kind: "complete", text: file.content, expect: state.hash };
		if (installed === undefined) {
			// A file we cannot recognise. When rebuilding it is most likely our note, edited: offer the new version.
			if (!rebuilt) return { ...base, kind: "skip-clash" };
			return { ...base, kind: "conflict", offer: true, expect: state.hash };
		}
		if (installed === file.hash) return { ...base, kind: "keep-edited" };
		const tokens = baseFor(bases, file.path, installed);
		if (tokens !== undefined) {
			const m = mergeNote(tokens, state.text, file.content);
			if (m.text !== null) return { ...base, kind: "merge", text: m.text, expect: state.hash };
			const offer = record.declined?.[file.path] !== file.hash;
			return { ...base, kind: "conflict", ...(offer ? { offer } : {}), expect: state.hash, partial: m.partial, conflicts: m.conflicts };
		}
		const offer = record.declined?.[file.path] !== file.hash;
		return { ...base, kind: "conflict", ...(offer ? { offer } : {}), expect: state.hash };
	});
	return { folder, templateVersion: template.version, actions, rebuilt };
}

export function countActions(actions: readonly { kind: ActionKind; offer?: boolean }[]): InstallCounts {
	const c: InstallCounts = { created: 0, updated: 0, merged: 0, completed: 0, keptEdited: 0, conflicts: 0, keptDeleted: 0, missing: 0, skippedClash: 0, failed: 0, unchanged: 0 };
	for (const a of actions) {
		switch (a.kind) {
			case "create": c.created++; break;
			case "update": c.updated++; break;
			case "merge": c.merged++; break;
			case "complete": c.completed++; break;
			case "keep-edited": c.keptEdited++; break;
			// A conflict whose new version the user already declined is simply a note they edited.
			case "conflict": if (a.offer) c.conflicts++; else c.keptEdited++; break;
			case "keep-deleted": c.keptDeleted++; break;
			case "missing": c.missing++; break;
			case "skip-clash": c.skippedClash++; break;
			case "blocked": case "failed": case "changed": c.failed++; break;
			default: c.unchanged++;
		}
	}
	return c;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * Looks at each shipped note's path: missing, a readable regular file (with
 * its text), or blocked (a folder, a special file, too large, unreadable).
 * A fault at one path never stops the others.
 */
export async function scanTargets(vault: VaultPort, template: EmbeddedTemplate, folder: string): Promise<Map<string, TargetState>> {
	const existing = new Map<string, TargetState>();
	for (const file of template.files) {
		const target = joinPath(folder, file.path);
		existing.set(target, await scanOne(vault, target));
	}
	return existing;
}

export async function scanOne(vault: VaultPort, target: string): Promise<TargetState> {
	try {
		const st = await vault.stat(target);
		if (st === null) return { kind: "missing" };
		if (st.type === "folder") return { kind: "blocked", reason: "a folder is at this path" };
		if (st.type !== "file") return { kind: "blocked", reason: "this is not a regular file (a link, pipe or device), so it is not read" };
		if (st.size > MAX_NOTE_BYTES) return { kind: "blocked", reason: `the file is larger than ${MAX_NOTE_BYTES / 1024 / 1024} MB, so it is not read` };
		const text = await vault.read(target);
		return { kind: "file", text, hash: contentHash(text) };
	} catch (e) {
		return { kind: "blocked", reason: `could not be read: ${message(e)}` };
	}
}

/** A write about to replace a user's text, journaled before it happens. */
export interface JournalEntry {
	target: string;
	before: string;
	after: string;
}

/**
 * Finishes the journaled writes a crash cut off: a note that now holds a
 * truncated copy of the text being written gets the whole text (only while
 * it still holds that truncated copy). Notes edited since are left alone.
 * Returns the notes completed.
 */
export async function completeJournal(vault: VaultPort, entries: readonly Partial<JournalEntry>[]): Promise<string[]> {
	const done: string[] = [];
	for (const e of entries) {
		if (typeof e.target !== "string" || typeof e.after !== "string" || !("path" in checkVaultPath(e.target, ""))) continue;
		try {
			const st = await vault.stat(e.target);
			if (st?.type !== "file" || st.size > MAX_NOTE_BYTES) continue;
			const current = await vault.read(e.target);
			if (isTruncationOf(current, e.after) && (await vault.replace(e.target, contentHash(current), e.after))) done.push(e.target);
		} catch {
			/* left as it is; the install reports the note if it cannot write it */
		}
	}
	return done;
}

export class RecordWriteError extends Error {
	constructor(readonly cause: unknown) {
		super(`The record of installed notes could not be saved (${message(cause)}). Nothing was installed.`);
		this.name = "RecordWriteError";
	}
}

export interface InstallResult {
	plan: InstallPlan;
	/** The actions as they ended (a failed write turns its action into "failed"). */
	actions: InstallAction[];
	counts: InstallCounts;
	record: InstallRecord;
	bases: BaseStore;
	/** Set when the final save of the record failed (the notes were written; the next run recognises them). */
	saveError?: string;
}

export interface InstallIO {
	saveRecord(record: InstallRecord): Promise<void>;
	saveBases?(bases: BaseStore): Promise<void>;
	/** Called once with the writes that replace a user's text, before any of them (a write-ahead journal). */
	beforeMerges?(entries: JournalEntry[]): Promise<void>;
	/** Called at the end with the journaled writes that did not complete (kept, so the next run can finish them). */
	afterMerges?(unfinished: JournalEntry[]): Promise<void>;
}

const WRITES: ReadonlySet<ActionKind> = new Set(["create", "update", "merge", "complete"]);

/**
 * Applies a plan. The record is saved once before the first write, marked
 * as in progress (a probe: an unwritable record stops the install before any
 * note is touched), and once at the end. Each write is isolated: a failure
 * is named on its action and the rest goes on. Updates and merges replace a
 * note only if it still holds what was read (compare-and-swap).
 */
export async function applyInstall(
	plan: InstallPlan,
	vault: VaultPort,
	record: InstallRecord,
	io: InstallIO,
	bases: BaseStore = emptyBases(),
	readState?: ReadonlyMap<string, TargetState>,
): Promise<InstallResult> {
	const sameFolder = record.folder === plan.folder;
	const next: InstallRecord = {
		folder: plan.folder,
		templateVersion: sameFolder ? record.templateVersion : "",
		files: sameFolder ? { ...record.files } : {},
		declined: sameFolder ? { ...(record.declined ?? {}) } : {},
	};
	const writes = plan.actions.filter((a) => WRITES.has(a.kind));
	if (writes.length > 0 || plan.rebuilt || !sameFolder) {
		try {
			await io.saveRecord({ ...next, inProgress: plan.templateVersion, writing: writes.map((a) => a.path) });
		} catch (e) {
			throw new RecordWriteError(e);
		}
	}
	const merges = writes.filter((a) => a.kind === "merge");
	const journal: JournalEntry[] = merges.map((a) => {
		const s = readState?.get(a.target);
		return { target: a.target, before: s?.kind === "file" ? s.text : "", after: a.text! };
	});
	if (journal.length > 0) await io.beforeMerges?.(journal);
	const nextBases: BaseStore = { schema: 1, notes: {} };
	const keepBase = (path: string, hash: string | undefined): void => {
		if (hash === undefined) return;
		const tokens = bases.notes[path]?.[hash];
		if (tokens !== undefined) (nextBases.notes[path] ??= {})[hash] = tokens;
	};
	const folders = new Map<string, string | null>();
	const done: InstallAction[] = [];
	for (const action of plan.actions) {
		const previous = next.files[action.path];
		let result: InstallAction = action;
		if (WRITES.has(action.kind)) {
			try {
				const dir = dirname(action.target);
				if (dir && !folders.has(dir)) {
					try {
						await vault.ensureFolder(dir);
						folders.set(dir, null);
					} catch (e) {
						folders.set(dir, message(e));
					}
				}
				const folderError = dir ? folders.get(dir) : null;
				if (folderError) throw new Error(folderError);
				if (action.kind === "create") await vault.create(action.target, action.text!);
				else if (!(await vault.replace(action.target, action.expect!, action.text!))) result = { ...action, kind: "changed", reason: "the note changed while installing; run the command again to update it" };
			} catch (e) {
				// A file the scan could not see (on macOS and Windows, one whose name differs only in
				// letter case) makes create fail with "already exists": it is the user's.
				if (action.kind === "create" && /already exists|EEXIST/i.test(message(e))) result = { ...action, kind: "skip-clash" };
				else result = { ...action, kind: "failed", reason: message(e) };
			}
		}
		const k = result.kind;
		if (k === "create" || k === "update" || k === "merge" || k === "complete" || k === "unchanged") {
			next.files[action.path] = action.file.hash;
			(nextBases.notes[action.path] ??= {})[action.file.hash] = bases.notes[action.path]?.[action.file.hash] ?? baseTokens(action.file.content);
		} else {
			// The note still builds on the version it had: keep that base for a later merge.
			keepBase(action.path, previous);
		}
		if (k === "missing" || (k === "conflict" && previous === undefined)) {
			// Rebuilt: the note is ours (missing ones stay missing until the user asks for them).
			next.files[action.path] = UNKNOWN_BASE;
		}
		done.push(result);
	}
	// Only a write can fail: a note left cut off at one of these paths is ours to finish next time.
	const interrupted = done.filter((a) => a.kind === "failed").map((a) => a.path);
	if (interrupted.length > 0) next.interrupted = interrupted;
	const failed = done.some((a) => a.kind === "failed" || a.kind === "changed");
	if (!failed) next.templateVersion = plan.templateVersion;
	let saveError: string | undefined;
	try {
		await io.saveBases?.(nextBases);
		await io.saveRecord(next);
		if (journal.length > 0) {
			const finished = new Set(done.filter((a) => a.kind === "merge").map((a) => a.target));
			await io.afterMerges?.(journal.filter((e) => !finished.has(e.target)));
		}
	} catch (e) {
		saveError = message(e);
	}
	return { plan, actions: done, counts: countActions(done), record: next, bases: nextBases, ...(saveError ? { saveError } : {}) };
}

/** Plans and applies in one go: the path shared by the plugin command and `mlsd install`. */
export async function installTemplate(
	vault: VaultPort,
	template: EmbeddedTemplate,
	folder: string,
	record: InstallRecord,
	io: InstallIO,
	options: PlanOptions = {},
): Promise<InstallResult> {
	const existing = await scanTargets(vault, template, folder);
	const plan = planInstall(template, folder, record, existing, options);
	return applyInstall(plan, vault, record, io, options.bases ?? emptyBases(), existing);
}

/** One sentence for a notice: "Created 120 notes, updated 3, merged 2 with your changes." */
export function summarizeCounts(c: InstallCounts): string {
	const parts: string[] = [];
	if (c.created) parts.push(`created ${c.created}`);
	if (c.updated) parts.push(`updated ${c.updated}`);
	if (c.merged) parts.push(`merged ${c.merged} with your changes`);
	if (c.completed) parts.push(`completed ${c.completed} an interrupted write had cut off`);
	if (c.conflicts) parts.push(`kept ${c.conflicts} where your edit and the new version overlap`);
	if (c.keptEdited) parts.push(`kept ${c.keptEdited} you edited`);
	if (c.keptDeleted) parts.push(`left ${c.keptDeleted} you deleted`);
	if (c.missing) parts.push(`did not recreate ${c.missing} missing`);
	if (c.skippedClash) parts.push(`skipped ${c.skippedClash} where a note of yours has the same path`);
	if (c.failed) parts.push(`could not write ${c.failed}`);
	if (parts.length === 0) return `All ${c.unchanged} shipped notes are up to date.`;
	const s = parts.join(", ");
	return s.charAt(0).toUpperCase() + s.slice(1) + ".";
}
