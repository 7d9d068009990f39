/** What the Obsidian layer needs from the plugin, without importing main.ts. */
import type { App, Plugin } from "obsidian";
import type { PluginData } from "../core/settings";
import type { EmbeddedTemplate } from "../core/types";

export interface PluginHost {
	readonly app: App;
	readonly plugin: Plugin;
	readonly template: EmbeddedTemplate;
	data: PluginData;
	/** True when the data file comes from a newer version: installs are refused and nothing is saved. */
	readonly readOnly?: boolean;
	/** Set when the install record could not be read at load: the next install rebuilds it and asks before recreating notes. */
	recordLost?: boolean;
	save(): Promise<void>;
}
