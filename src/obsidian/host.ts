/** What the Obsidian layer needs from the plugin, without importing main.ts. */
import { Notice, type App, type Plugin } from "obsidian";
import type { PluginData } from "../core/settings";
import type { EmbeddedTemplate } from "../core/types";

export interface PluginHost {
	readonly app: App;
	readonly plugin: Plugin;
	/** The shipped notes; the first use unpacks them (about a second), so only install, restore and compare use it. */
	readonly template: EmbeddedTemplate;
	/** False until the shipped notes are first unpacked (undefined where that costs nothing). */
	readonly templateUnpacked?: boolean;
	/** The shipped notes' version, known without unpacking them. */
	readonly templateVersion: string;
	data: PluginData;
	/** True when the data file comes from a newer version: installs are refused and nothing is saved. */
	readonly readOnly?: boolean;
	/** Set when the install record could not be read at load: the next install rebuilds it and asks before recreating notes. */
	recordLost?: boolean;
	save(): Promise<void>;
}

/**
 * The shipped notes for install, restore, compare or the update check. The
 * first use in a session unpacks them (about a second on a desktop, longer on
 * a phone), so a notice says so and gets a frame to show before the work.
 */
export async function shippedNotes(host: PluginHost): Promise<EmbeddedTemplate> {
	if (host.templateUnpacked !== false) return host.template;
	const notice = new Notice("Unpacking the shipped notes...", 0);
	// one frame to paint the notice (then a task, so the paint happens before the work)
	await new Promise<void>((resolve) => {
		const after = (): void => void window.setTimeout(resolve, 0);
		if (typeof window.requestAnimationFrame === "function") window.requestAnimationFrame(after);
		else after();
	});
	try {
		return host.template;
	} finally {
		notice.hide();
	}
}
