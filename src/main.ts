/** Plugin lifecycle only: load data, register the settings tab and commands. */
import { Notice, Plugin } from "obsidian";
import type { PluginData } from "./core/settings";
import type { EmbeddedTemplate } from "./core/types";
import { isTemplateUnpacked, loadTemplate, loadTemplateInSlices, TEMPLATE_INFO } from "./generated/vaultTemplate";
import { CatalogService } from "./obsidian/CatalogService";
import { registerCommands } from "./obsidian/commands";
import { loadPluginData } from "./obsidian/dataFile";
import { offerWelcome } from "./obsidian/WelcomeModal";
import { isUpgrade, offerTagsOnce } from "./obsidian/TagOfferModal";
import type { PluginHost } from "./obsidian/host";
import { SettingsTab } from "./obsidian/SettingsTab";

export default class MlSystemDesignVault extends Plugin implements PluginHost {
	data!: PluginData;
	/** Set when data.json comes from a newer version: it is never written over. */
	readOnly = false;
	/** The install record was unreadable at load; the next install rebuilds it. */
	recordLost = false;
	/** The shipped notes, parsed from the bundle on first use (never at load). */
	get template(): EmbeddedTemplate {
		return loadTemplate();
	}
	get templateUnpacked(): boolean {
		return isTemplateUnpacked();
	}
	/** The shipped notes, decoded in slices with a task for the app between them (see shippedNotes). */
	unpackTemplate(onProgress: (fraction: number) => void): Promise<EmbeddedTemplate> {
		return loadTemplateInSlices({ onProgress, pause: () => new Promise((resolve) => window.setTimeout(resolve, 0)) });
	}
	get templateVersion(): string {
		return TEMPLATE_INFO.version;
	}
	catalog!: CatalogService;

	get plugin(): Plugin {
		return this;
	}

	async onload(): Promise<void> {
		const { data, warnings, readOnly, recordLost } = await loadPluginData(this);
		this.data = data;
		this.readOnly = readOnly === true;
		this.recordLost = recordLost === true;
		if (warnings.length > 0) new Notice(`ML System Design Vault: ${warnings.join(" ")}`);
		this.catalog = new CatalogService(this);
		this.catalog.start();
		this.addSettingTab(new SettingsTab(this, this.catalog));
		registerCommands(this, this.catalog);
		const upgraded = isUpgrade(this);
		if (!this.readOnly) this.app.workspace.onLayoutReady(() => {
			void offerWelcome(this);
			// After the metadata cache has settled: notes from 0.1 with "type:" and no tag are offered the tag, once.
			const id = window.setTimeout(() => void offerTagsOnce(this, upgraded), 4000);
			this.register(() => window.clearTimeout(id));
		});
	}

	async save(): Promise<void> {
		if (!this.readOnly) await this.saveData(this.data);
	}
}
