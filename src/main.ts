/** Plugin lifecycle only: load data, register the settings tab and commands. */
import { Notice, Plugin } from "obsidian";
import { migrateData, type PluginData } from "./core/settings";
import type { EmbeddedTemplate } from "./core/types";
import { loadTemplate } from "./generated/vaultTemplate";
import { CatalogService } from "./obsidian/CatalogService";
import { registerCommands } from "./obsidian/commands";
import { offerWelcome } from "./obsidian/WelcomeModal";
import type { PluginHost } from "./obsidian/host";
import { SettingsTab } from "./obsidian/SettingsTab";

export default class MlSystemDesignVault extends Plugin implements PluginHost {
	data!: PluginData;
	/** The shipped notes, parsed from the bundle on first use (never at load). */
	get template(): EmbeddedTemplate {
		return loadTemplate();
	}
	catalog!: CatalogService;

	get plugin(): Plugin {
		return this;
	}

	async onload(): Promise<void> {
		const { data, warnings } = migrateData(await this.loadData());
		this.data = data;
		if (warnings.length > 0) new Notice(`ML System Design Vault: ${warnings.join(" ")}`);
		this.catalog = new CatalogService(this);
		this.catalog.start();
		this.addSettingTab(new SettingsTab(this));
		registerCommands(this, this.catalog);
		this.app.workspace.onLayoutReady(() => offerWelcome(this));
	}

	async save(): Promise<void> {
		await this.saveData(this.data);
	}
}
