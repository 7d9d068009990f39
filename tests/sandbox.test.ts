/**
 * Loads the production main.js the way Obsidian mobile does: a browser
 * realm with no Buffer, no process and no Node require; only
 * require("obsidian") is answered. Run `npm run build` first (npm test does).
 */
import { existsSync, readFileSync } from "fs";
import vm from "vm";
import * as obsidian from "./stand-in/obsidian";
import manifest from "../manifest.json";

function loadMainJs(): { exports: Record<string, unknown>; context: vm.Context; required: string[] } {
	if (!existsSync("main.js")) throw new Error("main.js is missing: run `npm run build` first.");
	const required: string[] = [];
	const g = globalThis as Record<string, unknown>;
	const context = vm.createContext({
		console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask,
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

describe("main.js in a mobile-like sandbox", () => {
	it("the sandbox really lacks Node globals", () => {
		const { context } = loadMainJs();
		expect(vm.runInContext("[typeof Buffer, typeof process, typeof require, typeof global]", context)).toEqual(["undefined", "undefined", "undefined", "undefined"]);
	});

	it("loads, asks only for obsidian, and its plugin installs the notes", async () => {
		const { exports, required } = loadMainJs();
		expect([...new Set(required)]).toEqual(["obsidian"]);
		const PluginClass = (exports.default ?? exports) as new (app: obsidian.App, m: obsidian.PluginManifest) => obsidian.Plugin;
		const app = new obsidian.App();
		const plugin = new PluginClass(app, manifest as obsidian.PluginManifest);
		plugin.load();
		await (plugin as unknown as { loading: Promise<void> }).loading;
		expect(app.commands.executeCommandById("ml-system-design-vault:install-notes")).toBe(true);
		for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
		expect(app.vault.getMarkdownFiles().length).toBeGreaterThan(50);
		expect(obsidian.Notice.history.at(-1)).toMatch(/created/i);
	});

	it("is a production build: minified, no sourcemap, no gray-matter", () => {
		const code = readFileSync("main.js", "utf8");
		expect(code).not.toContain("sourceMappingURL");
		expect(code).not.toMatch(/gray-matter|js-yaml/);
		// Minified: internal names are mangled away.
		expect(code).not.toContain("validateFolderSetting");
		expect(code).not.toContain("summarizeCounts");
	});
});
