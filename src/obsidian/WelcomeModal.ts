/** First run: offer to install the notes. Nothing is written without a yes. */
import { Modal, Notice, Setting } from "obsidian";
import { TEMPLATE_INFO } from "../generated/vaultTemplate";
import type { PluginHost } from "./host";
import { runInstall } from "./install";
import { offerUpdate } from "./UpdateOfferModal";

export class WelcomeModal extends Modal {
	private answered = false;

	constructor(private readonly host: PluginHost) {
		super(host.app);
	}

	onOpen(): void {
		const { contentEl } = this;
		// A constant from the build: the notes themselves stay packed until the user says yes.
		const count = TEMPLATE_INFO.notes;
		const folder = this.host.data.settings.installFolder;
		this.setTitle("Welcome");
		contentEl.addClass("mlsd-welcome");
		contentEl.createEl("p", { text: `Install ${count} linked notes for ML system design interviews: the seven-step framework, worked case studies, concepts with flashcards, maps and views.` });
		const where = contentEl.createEl("p");
		where.appendText("They go into the folder ");
		where.createEl("strong", { text: folder });
		where.appendText(". You can change the folder in the plugin's settings before installing. Installing never overwrites a note of yours.");
		new Setting(contentEl)
			.addButton((b) => b.setButtonText("Install notes").setCta().onClick(() => void this.answer(true)))
			.addButton((b) => b.setButtonText("Not now").onClick(() => void this.answer(false)));
	}

	private async answer(install: boolean): Promise<void> {
		this.answered = true;
		this.host.data.welcomeDone = true;
		await this.host.save();
		this.close();
		if (install) await runInstall(this.host);
		else new Notice("You can install the notes any time from the command palette.");
	}

	onClose(): void {
		this.contentEl.empty();
		if (!this.answered) {
			// Closing the window counts as "not now": ask once, never nag.
			this.host.data.welcomeDone = true;
			void this.host.save();
		}
	}
}

/** Opens the welcome offer on the first start, when nothing has been installed; after a plugin update, the update offer. */
export async function offerWelcome(host: PluginHost): Promise<void> {
	if (Object.keys(host.data.install.files).length > 0) {
		await offerUpdate(host);
		return;
	}
	if (host.data.welcomeDone) return;
	new WelcomeModal(host).open();
}
