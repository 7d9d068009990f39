/**
 * After the update to tags: notes with an old `type:` of ours and no
 * `mlsd/<kind>` tag are listed once, with an offer to add the tag. Nothing
 * changes without a yes; the tag is added through processFrontMatter.
 */
import { Modal, Notice, Setting, TFile } from "obsidian";
import { kindTag } from "../core/schema";
import { installedFolder } from "../core/settings";
import { addKindTag, legacyNotes, type LegacyNote } from "../core/tagMigration";
import { inlineTagsOf } from "./CatalogService";
import type { PluginHost } from "./host";

/** Rows shown at once; a vault with more lists the count and selects by folder suggestion. */
const MAX_ROWS = 500;

export class TagOfferModal extends Modal {
	private readonly selected: Set<string>;
	private addButton: HTMLButtonElement | null = null;

	constructor(private readonly host: PluginHost, private readonly notes: readonly LegacyNote[]) {
		super(host.app);
		this.selected = new Set(notes.filter((n) => n.suggested).map((n) => n.path));
	}

	onOpen(): void {
		this.setTitle("Notes from an earlier version");
		this.modalEl.addClass("mlsd-tag-offer");
		const { contentEl } = this;
		const n = this.notes.length;
		contentEl.createEl("p", {
			text: `This version reads a note only when it has an "mlsd/" tag, so a "type:" property alone no longer pulls a note in. ${n} note${n === 1 ? " has" : "s have"} one of the old "type:" values and no tag. Tick the ones that belong to your interview practice to add the tag; the rest stay as they are.`,
		});
		new Setting(contentEl)
			.addButton((b) => b.setButtonText("Select all").onClick(() => this.setAll(true)))
			.addButton((b) => b.setButtonText("Select none").onClick(() => this.setAll(false)));
		const list = contentEl.createDiv({ cls: "mlsd-tag-offer-list" });
		for (const note of this.notes.slice(0, MAX_ROWS)) {
			const row = list.createEl("label", { cls: "mlsd-tag-offer-row" });
			const box = row.createEl("input", { type: "checkbox" });
			box.checked = this.selected.has(note.path);
			box.dataset.path = note.path;
			box.addEventListener("change", () => {
				if (box.checked) this.selected.add(note.path);
				else this.selected.delete(note.path);
				this.updateButton();
			});
			row.createSpan({ cls: "mlsd-tag-offer-path", text: note.path });
			row.createSpan({ cls: "mlsd-tag-offer-tag", text: kindTag(note.kind) });
		}
		if (n > MAX_ROWS) contentEl.createEl("p", { cls: "mlsd-tag-offer-more", text: `And ${n - MAX_ROWS} more, not listed; "Select all" includes them.` });
		contentEl.createEl("p", { cls: "setting-item-description", text: "To see this list again, run the command to add tags to notes from an earlier version." });
		new Setting(contentEl)
			.addButton((b) => {
				this.addButton = b.buttonEl;
				b.setCta().onClick(() => void this.apply());
			})
			.addButton((b) => b.setButtonText("Not now").onClick(() => this.close()));
		this.updateButton();
	}

	onClose(): void {
		this.contentEl.empty();
	}

	private setAll(on: boolean): void {
		this.selected.clear();
		if (on) for (const n of this.notes) this.selected.add(n.path);
		this.contentEl.querySelectorAll<HTMLInputElement>("input[type=checkbox]").forEach((box) => {
			box.checked = on;
		});
		this.updateButton();
	}

	private updateButton(): void {
		if (!this.addButton) return;
		const n = this.selected.size;
		this.addButton.setText(n === 0 ? "Add tags" : `Add tags to ${n} note${n === 1 ? "" : "s"}`);
		this.addButton.disabled = n === 0;
	}

	private async apply(): Promise<void> {
		const chosen = this.notes.filter((n) => this.selected.has(n.path));
		this.close();
		const failed: string[] = [];
		let added = 0;
		for (const note of chosen) {
			const file = this.app.vault.getFileByPath(note.path);
			if (!(file instanceof TFile)) {
				failed.push(`"${note.path}" (no longer there)`);
				continue;
			}
			try {
				await this.app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
					if (addKindTag(fm, note.kind)) added++;
				});
			} catch (e) {
				failed.push(`"${note.path}" (${e instanceof Error ? e.message : String(e)})`);
			}
		}
		new Notice(`Added the tag to ${added} note${added === 1 ? "" : "s"}.${failed.length > 0 ? ` Not changed: ${failed.slice(0, 5).join("; ")}${failed.length > 5 ? "; and more" : ""}.` : ""}`, failed.length > 0 ? 10000 : undefined);
	}
}

/** The notes that would be offered the tag, from the metadata cache (no note is read). */
export function findLegacyNotes(host: PluginHost): LegacyNote[] {
	const { app } = host;
	const s = host.data.settings;
	const entries = app.vault.getMarkdownFiles().map((f) => {
		const cache = app.metadataCache.getFileCache(f);
		return { path: f.path, frontmatter: cache?.frontmatter, inlineTags: inlineTagsOf(cache) };
	});
	return legacyNotes(entries, [installedFolder(host.data), s.practiceFolder, s.personalFolder]);
}

/** "Add tags to notes from an earlier version": the same list, on demand. */
export function offerTags(host: PluginHost): void {
	const notes = findLegacyNotes(host);
	if (notes.length === 0) new Notice("Every note with an old \"type:\" of ours already has its mlsd/ tag.");
	else new TagOfferModal(host, notes).open();
}

/** Whether the data file was written by an earlier version that read `type:` (an existing user): judged at load, before this start's welcome answer. */
export function isUpgrade(host: PluginHost): boolean {
	return host.data.welcomeDone || Object.keys(host.data.install.files).length > 0;
}

/**
 * Once, on the first start after the update to tags: lists the untagged notes
 * of an existing install. A new user has no 0.1 notes of ours, so for them
 * the offer is only marked as done.
 */
export async function offerTagsOnce(host: PluginHost, upgraded = isUpgrade(host)): Promise<void> {
	if (host.data.tagOfferDone || host.readOnly) return;
	const notes = upgraded ? findLegacyNotes(host) : [];
	host.data.tagOfferDone = true;
	await host.save();
	if (notes.length > 0) new TagOfferModal(host, notes).open();
}
