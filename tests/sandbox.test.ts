/**
 * Loads the production main.js the way Obsidian mobile does: a browser
 * realm with no Buffer, no process and no Node require; only
 * require("obsidian") is answered. Run `npm run build` first (npm test does).
 *
 * Also proves the lean start-up: loading the plugin, the layout becoming
 * ready and every background task after it never unpack the shipped notes
 * embedded in main.js; the first install does.
 */
import { existsSync, readFileSync } from "fs";
import vm from "vm";
import * as obsidian from "./stand-in/obsidian";
import manifest from "../manifest.json";

/** Counts what main.js decodes: unpacking the shipped notes is one decode of over a megabyte. */
class CountingTextDecoder extends TextDecoder {
	static bytes: number[] = [];
	decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
		CountingTextDecoder.bytes.push(input ? input.byteLength : 0);
		return super.decode(input, options);
	}
}

function loadMainJs(): { exports: Record<string, unknown>; context: vm.Context; required: string[] } {
	if (!existsSync("main.js")) throw new Error("main.js is missing: run `npm run build` first.");
	const required: string[] = [];
	const g = globalThis as Record<string, unknown>;
	const context = vm.createContext({
		console, clearTimeout, setInterval, clearInterval, queueMicrotask,
		// Background work is due seconds after start-up; here it runs on the next tick, so the test sees all of it.
		setTimeout: (fn: () => void) => setTimeout(fn, 0),
		TextDecoder: CountingTextDecoder, TextEncoder,
		document, createEl: g.createEl, createDiv: g.createDiv, createSpan: g.createSpan, createFragment: g.createFragment,
		activeDocument: document,
	});
	vm.runInContext("window = globalThis; activeWindow = globalThis;", context);
	const module = { exports: {} as Record<string, unknown> };
	const requireShim = (name: string): unknown => {
		required.push(name);
		if (name === "obsidian") return obsidian;
		throw new Error(`Cannot find module '${name}' (not available on mobile)`);
	};
	const wrapper = vm.runInContext(`(function (require, module, exports) {${readFileSync("main.js", "utf8")}\n})`, context, { filename: "main.js" }) as (r: unknown, m: unknown, e: unknown) => void;
	wrapper(requireShim, module, module.exports);
	return { exports: module.exports, context, required };
}

const ticks = async (n = 30): Promise<void> => {
	for (let i = 0; i < n; i++) await new Promise((r) => setTimeout(r, 0));
};

/** Gives the event loop turns until `done` holds (the shipped notes unpack in slices, a turn between each); returns the turns taken. */
async function until(done: () => boolean, limit = 5000): Promise<number> {
	for (let turns = 0; turns < limit; turns++) {
		if (done()) return turns;
		await new Promise((r) => setTimeout(r, 0));
	}
	throw new Error("timed out waiting");
}
/** main.js's plugin, loaded into a new app. */
async function startPlugin(main: { exports: Record<string, unknown> }): Promise<obsidian.App> {
	const PluginClass = (main.exports.default ?? main.exports) as new (app: obsidian.App, m: obsidian.PluginManifest) => obsidian.Plugin;
	const app = new obsidian.App();
	const plugin = new PluginClass(app, manifest as obsidian.PluginManifest);
	plugin.load();
	await (plugin as unknown as { loading: Promise<void> }).loading;
	return app;
}
const installed = (): boolean => /created/i.test(obsidian.Notice.history.at(-1) ?? "");

describe("main.js in a mobile-like sandbox", () => {
	beforeEach(() => {
		CountingTextDecoder.bytes = [];
		obsidian.Notice.history = [];
	});

	it("the sandbox really lacks Node globals", () => {
		const { context } = loadMainJs();
		expect(vm.runInContext("[typeof Buffer, typeof process, typeof require, typeof global]", context)).toEqual(["undefined", "undefined", "undefined", "undefined"]);
	});

	it("loads, asks only for obsidian, and its plugin installs the notes", async () => {
		const main = loadMainJs();
		expect([...new Set(main.required)]).toEqual(["obsidian"]);
		const app = await startPlugin(main);
		expect(app.commands.executeCommandById("ml-system-design-vault:install-notes")).toBe(true);
		await until(installed);
		expect(app.vault.getMarkdownFiles().length).toBeGreaterThan(50);
		expect(obsidian.Notice.history.at(-1)).toMatch(/created/i);
	});

	it("unpacks the shipped notes in slices: the app gets turns meanwhile and the notice counts up", async () => {
		const app = await startPlugin(loadMainJs());
		expect(app.commands.executeCommandById("ml-system-design-vault:install-notes")).toBe(true);
		const shown = new Set<string>();
		const turns = await until(() => {
			for (const el of document.querySelectorAll(".notice-message")) shown.add(el.textContent ?? "");
			return installed();
		});
		const counts = [...shown].filter((t) => /^Unpacking the shipped notes\.\.\. \d+%$/.test(t)).map((t) => Number(/(\d+)%/.exec(t)![1]));
		// The app had a turn between slices (this callback ran while the notice counted up), not one long freeze.
		expect(counts.length).toBeGreaterThanOrEqual(5);
		expect(counts).toEqual([...counts].sort((a, b) => a - b));
		expect(turns).toBeGreaterThan(counts.length);
		expect(CountingTextDecoder.bytes.filter((b) => b > 1_000_000)).toHaveLength(1);
		expect(app.vault.getMarkdownFiles().length).toBeGreaterThan(50);
		expect(document.body.textContent).not.toMatch(/Unpacking the shipped notes/);
	});

	it("never unpacks the shipped notes at load, at layout-ready or in the background; the first install does, once", async () => {
		const { exports } = loadMainJs();
		const PluginClass = (exports.default ?? exports) as new (app: obsidian.App, m: obsidian.PluginManifest) => obsidian.Plugin;
		const app = new obsidian.App();
		// A vault with notes of the user's, so the background catalog build has work to do.
		await app.vault.createFolder("Mine");
		for (let i = 0; i < 20; i++) await app.vault.create(`Mine/Note ${i}.md`, `---\ntype: concept\ncategory: model\ntags: [mlsd/concept]\n---\n# Note ${i}\n`);
		await app.metadataCache.settle();
		let cacheReads = 0;
		const getFileCache = app.metadataCache.getFileCache.bind(app.metadataCache);
		app.metadataCache.getFileCache = (f) => (cacheReads++, getFileCache(f));

		const plugin = new PluginClass(app, manifest as obsidian.PluginManifest);
		plugin.load();
		await (plugin as unknown as { loading: Promise<void> }).loading;
		app.workspace.markLayoutReady();
		await ticks();
		// The background work really ran (the catalog read the metadata cache; the welcome offer opened)...
		expect(cacheReads).toBeGreaterThanOrEqual(20);
		expect(document.body.textContent).toMatch(/Install \d+ linked notes/);
		// ...and nothing was unpacked.
		expect(CountingTextDecoder.bytes.filter((b) => b > 100_000)).toEqual([]);

		expect(app.commands.executeCommandById("ml-system-design-vault:install-notes")).toBe(true);
		await until(installed);
		expect(CountingTextDecoder.bytes.filter((b) => b > 1_000_000)).toHaveLength(1);
		expect(app.commands.executeCommandById("ml-system-design-vault:install-notes")).toBe(true);
		await ticks(40);
		expect(CountingTextDecoder.bytes.filter((b) => b > 1_000_000)).toHaveLength(1);
	});

	it("after an install, a restart unpacks nothing either (the update check reads the version without the notes)", async () => {
		const first = loadMainJs();
		const PluginA = (first.exports.default ?? first.exports) as new (app: obsidian.App, m: obsidian.PluginManifest) => obsidian.Plugin;
		const app = new obsidian.App();
		const a = new PluginA(app, manifest as obsidian.PluginManifest);
		a.load();
		await (a as unknown as { loading: Promise<void> }).loading;
		expect(app.commands.executeCommandById("ml-system-design-vault:install-notes")).toBe(true);
		await until(installed);
		expect(((await a.loadData()) as { install: { files: Record<string, string> } }).install.files).not.toEqual({});
		a.unload();

		CountingTextDecoder.bytes = [];
		const second = loadMainJs(); // a fresh main.js: nothing unpacked is cached
		const PluginB = (second.exports.default ?? second.exports) as new (app: obsidian.App, m: obsidian.PluginManifest) => obsidian.Plugin;
		const b = new PluginB(app, manifest as obsidian.PluginManifest);
		b.load();
		await (b as unknown as { loading: Promise<void> }).loading;
		app.workspace.markLayoutReady();
		await ticks();
		expect(CountingTextDecoder.bytes.filter((n) => n > 100_000)).toEqual([]);
		// "New case study" takes the shipped template without unpacking the notes either
		await app.vault.delete(app.vault.getAbstractFileByPath("ML System Design/Templates/Case study template.md") as obsidian.TFile);
		await app.metadataCache.settle();
		expect(app.commands.executeCommandById("ml-system-design-vault:new-case-study")).toBe(true);
		const modal = obsidian.Modal.open.at(-1)!;
		const input = modal.contentEl.querySelector("input")!;
		input.value = "Podcast search";
		input.dispatchEvent(new Event("input"));
		[...modal.contentEl.querySelectorAll("button")].find((btn) => btn.textContent === "Create")!.click();
		await ticks();
		const created = app.vault.getMarkdownFiles().find((f) => f.basename === "Podcast search");
		expect(created).toBeDefined();
		expect(await app.vault.read(created!)).toMatch(/## In 45 minutes/);
		expect(CountingTextDecoder.bytes.filter((n) => n > 100_000)).toEqual([]);
	});

	it("is a production build: minified, no sourcemap, no gray-matter, notes packed", () => {
		const code = readFileSync("main.js", "utf8");
		expect(code).not.toContain("sourceMappingURL");
		expect(code).not.toMatch(/gray-matter|js-yaml/);
		// Minified: internal names are mangled away.
		expect(code).not.toContain("validateFolderSetting");
		expect(code).not.toContain("summarizeCounts");
		// The notes are not there as text: no line of a shipped case study is in main.js.
		const note = readFileSync("vault-template/Case studies/Ad click-through rate prediction.md", "utf8");
		const lines = note.split("\n").filter((l) => l.length > 60);
		expect(lines.length).toBeGreaterThan(10);
		for (const l of lines) expect(code.includes(l)).toBe(false);
	});
});
