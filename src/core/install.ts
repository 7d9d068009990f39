/**
 * Install and update of the shipped notes, planned as pure data and applied
 * through the vault port. The rules (see DESIGN.md, "Install and update"):
 * untouched notes are updated, edited notes are kept, deleted notes stay
 * deleted, and a user's own file at a shipped path is never touched.
 */
import { contentHash } from "./hash";
import { dirname, joinPath } from "./paths";
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
}

export const EMPTY_RECORD: InstallRecord = { folder: "", templateVersion: "", files: {}, declined: {} };

export type ActionKind = "create" | "update" | "unchanged" | "keep-edited" | "keep-deleted" | "skip-clash";

export interface InstallAction {
	kind: ActionKind;
	/** For keep-edited: a shipped version the user has not seen and declined yet. */
	offer?: boolean;
	/** Path inside the template. */
	path: string;
	/** Path in the vault. */
	target: string;
	file: TemplateFile;
}

export interface InstallCounts {
	created: number;
	updated: number;
	keptEdited: number;
	keptDeleted: number;
	skippedClash: number;
	unchanged: number;
}

export interface InstallPlan {
	folder: string;
	templateVersion: string;
	actions: InstallAction[];
}

/**
 * Decides what to do with each shipped file.
 * @param existing vault path → content hash, for the target paths that exist now
 */
export function planInstall(
	template: EmbeddedTemplate,
	folder: string,
	record: InstallRecord,
	existing: ReadonlyMap<string, string>,
): InstallPlan {
	const known = record.folder === folder ? record.files : {};
	const actions = template.files.map((file): InstallAction => {
		const target = joinPath(folder, file.path);
		const current = existing.get(target);
		const installed = known[file.path];
		let kind: ActionKind;
		if (current === undefined) kind = installed === undefined ? "create" : "keep-deleted";
		else if (current === file.hash) kind = "unchanged";
		else if (installed === undefined) kind = "skip-clash";
		else if (current === installed) kind = "update";
		else kind = "keep-edited";
		const offer = kind === "keep-edited" && file.hash !== installed && record.declined?.[file.path] !== file.hash;
		return { kind, ...(offer ? { offer } : {}), path: file.path, target, file };
	});
	return { folder, templateVersion: template.version, actions };
}

export function countActions(actions: readonly { kind: ActionKind }[]): InstallCounts {
	const c: InstallCounts = { created: 0, updated: 0, keptEdited: 0, keptDeleted: 0, skippedClash: 0, unchanged: 0 };
	for (const a of actions) {
		if (a.kind === "create") c.created++;
		else if (a.kind === "update") c.updated++;
		else if (a.kind === "keep-edited") c.keptEdited++;
		else if (a.kind === "keep-deleted") c.keptDeleted++;
		else if (a.kind === "skip-clash") c.skippedClash++;
		else c.unchanged++;
	}
	return c;
}

/** Reads the hashes of the target paths that exist, for planInstall. */
export async function scanTargets(vault: VaultPort, template: EmbeddedTemplate, folder: string): Promise<Map<string, string>> {
	const existing = new Map<string, string>();
	for (const file of template.files) {
		const target = joinPath(folder, file.path);
		if (await vault.exists(target)) existing.set(target, contentHash(await vault.read(target)));
	}
	return existing;
}

export class InstallWriteError extends Error {
	constructor(readonly target: string, readonly cause: unknown) {
		super(`Could not write "${target}": ${cause instanceof Error ? cause.message : String(cause)}`);
		this.name = "InstallWriteError";
	}
}

export interface InstallResult {
	plan: InstallPlan;
	counts: InstallCounts;
	record: InstallRecord;
}

/**
 * Applies a plan. The record is updated after every successful write and
 * passed to `saveRecord` at the end, also when a write fails, so a later run
 * resumes where this one stopped (files already written match the template
 * and are recognised as unchanged).
 */
export async function applyInstall(
	plan: InstallPlan,
	vault: VaultPort,
	record: InstallRecord,
	saveRecord: (r: InstallRecord) => Promise<void>,
): Promise<InstallResult> {
	const sameFolder = record.folder === plan.folder;
	const next: InstallRecord = {
		folder: plan.folder,
		templateVersion: record.templateVersion,
		files: sameFolder ? { ...record.files } : {},
		declined: sameFolder ? { ...(record.declined ?? {}) } : {},
	};
	const done: InstallAction[] = [];
	let failure: InstallWriteError | null = null;
	const folders = new Set<string>();
	try {
		for (const action of plan.actions) {
			if (action.kind === "create" || action.kind === "update") {
				try {
					const dir = dirname(action.target);
					if (dir && !folders.has(dir)) {
						await vault.ensureFolder(dir);
						folders.add(dir);
					}
					if (action.kind === "create") await vault.create(action.target, action.file.content);
					else await vault.modify(action.target, action.file.content);
				} catch (e) {
					// A file the planner could not see (on macOS and Windows, one whose name differs only in
					// letter case) makes create fail with "already exists": treat it as the user's and go on,
					// or every later run would stop at the same place.
					if (action.kind === "create" && /already exists/i.test(e instanceof Error ? e.message : String(e))) {
						done.push({ ...action, kind: "skip-clash" });
						continue;
					}
					failure = new InstallWriteError(action.target, e);
					break;
				}
			}
			if (action.kind === "create" || action.kind === "update" || action.kind === "unchanged") {
				next.files[action.path] = action.file.hash;
			}
			done.push(action);
		}
		if (!failure) next.templateVersion = plan.templateVersion;
	} finally {
		await saveRecord(next);
	}
	if (failure) throw failure;
	return { plan, counts: countActions(done), record: next };
}

/** Plans and applies in one go: the path shared by the plugin command and `mlsd install`. */
export async function installTemplate(
	vault: VaultPort,
	template: EmbeddedTemplate,
	folder: string,
	record: InstallRecord,
	saveRecord: (r: InstallRecord) => Promise<void>,
): Promise<InstallResult> {
	const existing = await scanTargets(vault, template, folder);
	const plan = planInstall(template, folder, record, existing);
	return applyInstall(plan, vault, record, saveRecord);
}

/**
 * Adds `copy-of: "[[Name]]"` to the properties of a saved copy of a note. A
 * note with `copy-of` is left out of prompts and checklists (see toRecord),
 * so the copy does not appear twice; everything the user wrote is kept.
 */
export function markAsCopy(text: string, original: string): string {
	const line = `copy-of: "[[${original}]]"`;
	return text.startsWith("---\n") ? `---\n${line}\n${text.slice(4)}` : `---\n${line}\n---\n${text}`;
}

/** One sentence for a notice: "Created 120 notes, updated 3, kept 2 you edited." */
export function summarizeCounts(c: InstallCounts): string {
	const parts: string[] = [];
	if (c.created) parts.push(`created ${c.created}`);
	if (c.updated) parts.push(`updated ${c.updated}`);
	if (c.keptEdited) parts.push(`kept ${c.keptEdited} you edited`);
	if (c.keptDeleted) parts.push(`left ${c.keptDeleted} you deleted`);
	if (c.skippedClash) parts.push(`skipped ${c.skippedClash} where a note of yours has the same path`);
	if (parts.length === 0) return `All ${c.unchanged} shipped notes are up to date.`;
	const s = parts.join(", ");
	return s.charAt(0).toUpperCase() + s.slice(1) + ".";
}
