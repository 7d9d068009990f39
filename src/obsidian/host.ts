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
	/** Unpacks the shipped notes in slices, with a turn for the app between them, telling the share done (0 to 1). */
	unpackTemplate?(onProgress: (fraction: number) => void): Promise<EmbeddedTemplate>;
	/** The shipped notes' version, known without unpacking them. */
	readonly templateVersion: string;
	data: PluginData;
	/** True when the data file comes from a newer version: installs are refused and nothing is saved. */
	readonly readOnly?: boolean;
	/** Set when the install record could not be read at load: the next install rebuilds it and asks before recreating notes. */
	recordLost?: boolean;
	save(): Promise<void>;
}

/** The notice shown while the shipped notes unpack (a percentage follows as it runs). */
export const UNPACKING_NOTICE = "Unpacking the shipped notes...";

/**
 * The shipped notes for install, restore, compare or the update check. The
 * first use in a session unpacks them (about a second on a desktop, several on
 * a phone): a notice says so and counts up, and the unpacking runs in slices
 * so the app stays responsive meanwhile.
 */
export async function shippedNotes(host: PluginHost): Promise<EmbeddedTemplate> {
	if (host.templateUnpacked !== false) return host.template;
	const message = UNPACKING_NOTICE;
	const notice = new Notice(message, 0);
	// one frame to paint the notice (then a task, so the paint happens before the work)
	await new Promise<void>((resolve) => {
		const after = (): void => void window.setTimeout(resolve, 0);
		if (typeof window.requestAnimationFrame === "function") window.requestAnimationFrame(after);
		else after();
	});
	try {
		if (!host.unpackTemplate) return host.template;
		let shown = 0;
		return await host.unpackTemplate((fraction) => {
			const percent = Math.min(100, Math.floor(fraction * 10) * 10);
			if (percent > shown) notice.setMessage(`${message} ${(shown = percent)}%`);
		});
	} finally {
		notice.hide();
	}
}
