/**
 * Test harness over the Obsidian stand-in: a vault with files, the plugin
 * loaded the way Obsidian loads it (constructor, onload, then layout ready).
 */
import { App, Modal, Notice } from "../stand-in/obsidian";
import manifest from "../../manifest.json";
import { UNPACKING_NOTICE } from "../../src/obsidian/host";

/** What the harness needs of a plugin class: Obsidian's Component lifecycle. */
export interface Loadable {
	load(): void;
	unload(): void;
}

export interface Harness<P extends Loadable> {
	app: App;
	plugin: P;
	run(commandId: string): boolean;
	settle(): Promise<void>;
	fileText(path: string): Promise<string | null>;
	paths(): string[];
}

/** Every plugin loaded by a test is unloaded after it, so no interval outlives its test. */
const loaded: Loadable[] = [];
afterEach(() => {
	for (const p of loaded.splice(0)) p.unload();
});

export async function seedVault(app: App, files: Record<string, string>): Promise<void> {
	for (const [path, content] of Object.entries(files)) {
		const parts = path.split("/");
		for (let i = 1; i < parts.length; i++) {
			const folder = parts.slice(0, i).join("/");
			if (!app.vault.getAbstractFileByPath(folder)) await app.vault.createFolder(folder);
		}
		await app.vault.create(path, content);
	}
	await app.metadataCache.settle();
}

/** Whether the notice that the shipped notes are unpacking is up. */
function unpacking(): boolean {
	return [...document.querySelectorAll(".notice-message")].some((el) => el.textContent?.startsWith(UNPACKING_NOTICE) === true);
}

export async function loadPlugin<P extends Loadable>(
	// The plugin is typed against the real Obsidian API; the stand-in provides it at runtime.
	PluginClass: new (app: never, manifest: never) => P,
	options: { files?: Record<string, string>; data?: unknown; rawData?: string; pluginFiles?: Record<string, string> } = {},
): Promise<Harness<P>> {
	Notice.history = [];
	for (const m of [...Modal.open]) m.close();
	const app = new App();
	await seedVault(app, options.files ?? {});
	// By default the welcome offer has been answered, so it does not sit on top of every test.
	const data = options.data === undefined ? { schema: 1, welcomeDone: true, tagOfferDone: true } : options.data;
	const dataPath = `${app.vault.configDir}/plugins/${manifest.id}/data.json`;
	for (const [name, text] of Object.entries(options.pluginFiles ?? {})) await app.vault.adapter.write(`${app.vault.configDir}/plugins/${manifest.id}/${name}`, text);
	if (options.rawData !== undefined) await app.vault.adapter.write(dataPath, options.rawData);
	else if (data !== null) await app.vault.adapter.write(dataPath, JSON.stringify(data));
	const plugin = new PluginClass(app as never, manifest as never);
	plugin.load();
	loaded.push(plugin);
	await (plugin as unknown as { loading: Promise<void> }).loading;
	app.workspace.markLayoutReady();
	// Five quiet turns of the event loop; while the shipped notes unpack (in slices, a turn between each), as many as that takes.
	const settle = async (): Promise<void> => {
		for (let quiet = 0; quiet < 5; ) {
			await new Promise((r) => setTimeout(r, 0));
			quiet = unpacking() ? 0 : quiet + 1;
		}
		await app.metadataCache.settle();
	};
	await settle();
	return {
		app,
		plugin,
		run: (id) => app.commands.executeCommandById(`${manifest.id}:${id}`),
		settle,
		fileText: async (path) => {
			const f = app.vault.getFileByPath(path);
			return f ? app.vault.read(f) : null;
		},
		paths: () => app.vault.getFiles().map((f) => f.path).sort(),
	};
}
