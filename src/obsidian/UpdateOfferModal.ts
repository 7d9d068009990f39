/**
 * After a plugin update: the first load says which installed notes the new
 * version changes or adds, and offers to update them (merging the user's
 * changes). Shown once per version; nothing changes without a yes.
 */
import { Modal, Setting } from "obsidian";
import { noteName } from "../core/paths";
import { shippedNotes, type PluginHost } from "./host";
import { runInstall } from "./install";

export interface TemplateChanges {
	changed: string[];
	added: string[];
}

/** Shipped notes that differ from what was installed, and shipped notes that are new. */
export async function templateChanges(host: PluginHost): Promise<TemplateChanges> {
	const installed = host.data.install.files;
	const changed: string[] = [];
	const added: string[] = [];
	for (const f of (await shippedNotes(host)).files) {
		const was = installed[f.path];
		if (was === undefined) added.push(f.path);
		else if (was !== f.hash && was !== "0") changed.push(f.path);
	}
	return { changed, added };
}

export class UpdateOfferModal extends Modal {
	constructor(private readonly host: PluginHost, private readonly changes: TemplateChanges) {
		super(host.app);
	}

	onOpen(): void {
		const { contentEl } = this;
		const { changed, added } = this.changes;
		this.setTitle("New versions of your notes");
		contentEl.addClass("mlsd-update-offer");
		const parts: string[] = [];
		if (changed.length) parts.push(`changes ${changed.length} of the notes you installed`);
		if (added.length) parts.push(`adds ${added.length} new note${added.length === 1 ? "" : "s"}`);
		contentEl.createEl("p", { text: `This version of ML System Design Vault ${parts.join(" and ")}.` });
		contentEl.createEl("p", { text: "Updating merges your ticks, review comments, your own notes sections and other edits into the new versions. Where your edit overlaps a change, your note is kept as it is and the new version is offered beside it." });
		const shown = [...changed, ...added].slice(0, 12);
		const ul = contentEl.createEl("ul", { cls: "mlsd-report-list" });
		for (const p of shown) ul.createEl("li", { text: `${noteName(p)}${added.includes(p) ? " (new)" : ""}` });
		const more = changed.length + added.length - shown.length;
		if (more > 0) ul.createEl("li", { text: `and ${more} more` });
		new Setting(contentEl)
			.addButton((b) => b.setButtonText("Update notes").setCta().onClick(() => {
				this.close();
				void runInstall(this.host);
			}))
			.addButton((b) => b.setButtonText("Later").onClick(() => this.close()));
	}

	onClose(): void {
		this.contentEl.empty();
	}
}

/**
 * Opens the offer when the installed notes are older than the shipped ones, once per shipped version.
 * The version is known without unpacking the notes; they are unpacked only to list the changes, once after an update.
 */
export async function offerUpdate(host: PluginHost): Promise<void> {
	if (host.readOnly || Object.keys(host.data.install.files).length === 0) return;
	const version = host.templateVersion;
	if (host.data.install.templateVersion === version || host.data.updateOffered === version) return;
	host.data.updateOffered = version;
	const changes = await templateChanges(host);
	void host.save();
	if (changes.changed.length + changes.added.length === 0) return;
	new UpdateOfferModal(host, changes).open();
}
