/**
 * Updates merge in the plugin (issue 12), and the plugin side of issue 11:
 * compare-and-swap writes, cut-off writes completed, a lost record never
 * fresh, an unwritable record stopping before the first note.
 */
import MlSystemDesignVault from "../../src/main";
import { loadTemplate } from "../../src/generated/vaultTemplate";
import { makeTemplate, makeTemplateFile } from "../../src/core/template";
import type { EmbeddedTemplate } from "../../src/core/types";
import { offerWelcome } from "../../src/obsidian/WelcomeModal";
import { loadPlugin, type Harness } from "../helpers/harness";
import { topModal } from "../helpers/plugin";
import { Modal, Notice } from "../stand-in/obsidian";

const FOLDER = "ML System Design";
const STEP1 = "Framework/Step 1 - Clarifying requirements.md";
const STEP2 = "Framework/Step 2 - Framing the problem as an ML task.md";
const PLUGIN = ".obsidian/plugins/ml-system-design-vault";
const TICKED = "- [ ] Named the business goal and one online success metric";

type H = Harness<MlSystemDesignVault>;
const button = (m: Modal, text: string | RegExp): HTMLButtonElement => {
	const b = [...m.modalEl.querySelectorAll("button")].find((x) => (typeof text === "string" ? x.textContent === text : text.test(x.textContent ?? "")));
	if (!b) throw new Error(`no button ${String(text)} in ${m.modalEl.textContent}`);
	return b;
};
/** A plugin upgrade: Step 1's first checklist item and "Time budget" paragraph reworded, a line added; Step 2 reworded. */
function upgraded(): EmbeddedTemplate {
	const t = loadTemplate();
	const revise = (f: { path: string; content: string }): string => f.path === STEP1
		? f.content.replace("- [ ] Restated the prompt in one sentence naming the user and the decision", "- [ ] Restated the prompt in one sentence, naming the user and the decision they make")
			.replace("Five minutes out of forty-five.", "About five minutes out of forty-five.")
			.replace(TICKED, `${TICKED}\n- [ ] Asked which metric the team is judged on`)
		: f.content.replace(/^(## .*)$/m, "$1 (revised)");
	return makeTemplate(t.files.map((f) => ([STEP1, STEP2].includes(f.path) ? makeTemplateFile(f.path, revise(f), f.frontmatter) : f)));
}
function useTemplate(h: H, t: EmbeddedTemplate): void {
	Object.defineProperty(h.plugin, "template", { get: () => t, configurable: true });
	Object.defineProperty(h.plugin, "templateVersion", { get: () => t.version, configurable: true });
}
async function install(h: H): Promise<void> {
	h.run("install-notes");
	await h.settle();
}
async function edit(h: H, path: string, fn: (s: string) => string): Promise<string> {
	const f = h.app.vault.getFileByPath(`${FOLDER}/${path}`)!;
	const next = fn(await h.app.vault.read(f));
	await h.app.vault.modify(f, next);
	return next;
}
const adapterText = (h: H, name: string) => h.app.vault.adapter.read(`${PLUGIN}/${name}`);

describe("updates merge with the user's changes", () => {
	it("carries a tick, an SR comment, My notes and a separate edit into the new version, reports it, and a repeat changes nothing", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		await install(h);
		await edit(h, STEP1, (s) => s
			.replace(TICKED, TICKED.replace("[ ]", "[x]"))
			.replace("## Common mistakes", "## Common mistakes\n\n<!--SR:!2026-03-01,3,250-->")
			.replace("Prompt: \"Design a system", "My aside before the prompt.\n\nPrompt: \"Design a system")
			+ "\n## My notes\n\nAsked in my last loop.\n");
		useTemplate(h, upgraded());
		await install(h);
		const text = (await h.fileText(`${FOLDER}/${STEP1}`))!;
		expect(text).toContain("- [ ] Restated the prompt in one sentence, naming the user and the decision they make");
		expect(text).toContain("About five minutes out of forty-five.");
		expect(text).toContain("- [x] Named the business goal and one online success metric\n- [ ] Asked which metric the team is judged on");
		expect(text).toContain("<!--SR:!2026-03-01,3,250-->");
		expect(text).toContain("My aside before the prompt.");
		expect(text.endsWith("\n## My notes\n\nAsked in my last loop.\n")).toBe(true);
		expect(Notice.history.at(-1)).toMatch(/merged 1 with your changes/);
		const report = topModal();
		expect(report.contentEl.querySelector(".mlsd-report-merge")!.textContent).toBe(`${FOLDER}/${STEP1}`);
		report.close();
		const reads = h.app.vault.readCount;
		await install(h);
		expect(await h.fileText(`${FOLDER}/${STEP1}`)).toBe(text);
		expect(Notice.history.at(-1)).toMatch(/up to date|Kept 1 you edited/);
		expect(h.app.vault.readCount).toBeGreaterThan(reads);
	});

	it("keeps a conflicting note untouched, offers a line diff, and 'Take all non-overlapping changes' applies the rest", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		await install(h);
		const mine = await edit(h, STEP1, (s) => s.replace("Five minutes out of forty-five.", "Seven minutes, in my experience.").replace(TICKED, TICKED.replace("[ ]", "[x]")));
		useTemplate(h, upgraded());
		await install(h);
		expect(await h.fileText(`${FOLDER}/${STEP1}`)).toBe(mine);
		const report = topModal();
		expect(report.contentEl.textContent).toContain("Your edit overlaps the new version (1)");
		expect(report.contentEl.textContent).not.toMatch(/<<<<<<<|>>>>>>>/);
		button(report, "Compare").click();
		await h.settle();
		const compare = topModal();
		const conflictRows = [...compare.contentEl.querySelectorAll(".mlsd-diff-conflict .mlsd-diff-text")].map((e) => e.textContent);
		expect(conflictRows.some((t) => t?.includes("Seven minutes, in my experience."))).toBe(true);
		expect(conflictRows.some((t) => t?.includes("About five minutes out of forty-five."))).toBe(true);
		compare.close();
		await h.settle();
		button(report, /^Take all non-overlapping changes/).click();
		await h.settle();
		const text = (await h.fileText(`${FOLDER}/${STEP1}`))!;
		expect(text).toContain("Seven minutes, in my experience.");
		expect(text).not.toContain("About five minutes");
		expect(text).toContain("- [ ] Restated the prompt in one sentence, naming the user and the decision they make");
		expect(text).toContain("- [x] Named the business goal");
		expect(report.contentEl.querySelector(".mlsd-report-done")!.textContent).toBe("Merged; yours kept where it overlaps");
		report.close();
		await install(h);
		expect(await h.fileText(`${FOLDER}/${STEP1}`)).toBe(text);
		expect(Notice.history.at(-1)).not.toMatch(/new version/);
	});

	it("after a plugin update, the first load says what changed and offers the update, once", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		await install(h);
		for (const m of [...Modal.open]) m.close();
		useTemplate(h, upgraded());
		await offerWelcome(h.plugin);
		const offer = topModal();
		expect(offer.titleEl.textContent).toBe("New versions of your notes");
		expect(offer.contentEl.textContent).toContain("changes 2 of the notes you installed");
		expect(offer.contentEl.textContent).toContain("Step 1 - Clarifying requirements");
		button(offer, "Later").click();
		const before = Modal.open.length;
		await offerWelcome(h.plugin);
		expect(Modal.open.length).toBe(before);
		h.plugin.data.updateOffered = undefined;
		await offerWelcome(h.plugin);
		button(topModal(), "Update notes").click();
		await h.settle();
		expect(await h.fileText(`${FOLDER}/${STEP2}`)).toContain("(revised)");
	});
});

describe("crash-safe writes in the plugin (issue 11)", () => {
	it("stops before the first note when the record cannot be saved", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		h.app.vault.adapterFault = (_op, path) => (path.endsWith("data.json") ? new Error("EROFS: read-only file system") : null);
		await install(h);
		expect(h.paths()).toEqual([]);
		expect(Notice.history.at(-1)).toMatch(/could not be saved \(EROFS: read-only file system\)\. Nothing was installed/);
	});

	it("a save between reading a note and writing it is never lost (Vault.process with a hash check)", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		await install(h);
		useTemplate(h, upgraded());
		const target = `${FOLDER}/${STEP2}`;
		const process = h.app.vault.process.bind(h.app.vault);
		h.app.vault.process = async (file, fn) => {
			if (file.path === target) await h.app.vault.modify(file, "saved by the user a moment ago");
			return process(file, fn);
		};
		await install(h);
		expect(await h.fileText(target)).toBe("saved by the user a moment ago");
		expect(topModal().contentEl.querySelector(".mlsd-report-failed")!.textContent).toContain(`${target}: the note changed while installing`);
	});

	it("a write cut off mid-merge is completed from the journal on the next run, not taken for the user's edit", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		await install(h);
		await edit(h, STEP1, (s) => s.replace(TICKED, TICKED.replace("[ ]", "[x]")) + "\n## My notes\n\nMine, at the very end.\n");
		useTemplate(h, upgraded());
		h.app.vault.tear = (op, path, data) => (op === "modify" && path.endsWith(STEP1) ? data.slice(0, 200) : null);
		await install(h);
		expect((await h.fileText(`${FOLDER}/${STEP1}`))!.length).toBe(200);
		h.app.vault.tear = null;
		await install(h);
		const text = (await h.fileText(`${FOLDER}/${STEP1}`))!;
		expect(text).toContain("- [x] Named the business goal");
		expect(text).toContain("About five minutes out of forty-five.");
		expect(text.endsWith("## My notes\n\nMine, at the very end.\n")).toBe(true);
		expect(JSON.parse(await adapterText(h, "journal.json"))).toEqual({ entries: [] });
	});

	it("a note cut off while being created is completed on the next run", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		h.app.vault.tear = (op, path, data) => (op === "create" && path.endsWith(STEP2) ? data.slice(0, 10) : null);
		await install(h);
		h.app.vault.tear = null;
		await install(h);
		expect(await h.fileText(`${FOLDER}/${STEP2}`)).toBe(loadTemplate().files.find((f) => f.path === STEP2)!.content);
	});
});

describe("a lost record in the plugin (issue 11)", () => {
	it("a torn data.json: deleted notes stay deleted, the report says so and offers to recreate them", async () => {
		const first = await loadPlugin(MlSystemDesignVault);
		await install(first);
		await first.app.vault.delete(first.app.vault.getFileByPath(`${FOLDER}/${STEP2}`)!);
		const files = Object.fromEntries(await Promise.all(first.paths().map(async (p) => [p, (await first.fileText(p))!] as const)));
		const h = await loadPlugin(MlSystemDesignVault, { files, rawData: '{"schema":1,"welcomeDone":true,"install":{"folder":"ML Sys' });
		expect(Notice.history[0]).toMatch(/could not be read/);
		await install(h);
		expect(await h.fileText(`${FOLDER}/${STEP2}`)).toBeNull();
		expect(Notice.history.at(-1)).toMatch(/did not recreate 1 missing\. The report offers to recreate them/i);
		const report = topModal();
		expect(report.contentEl.querySelector(".mlsd-report-missing")!.textContent).toBe(`${FOLDER}/${STEP2}`);
		await install(h);
		expect(await h.fileText(`${FOLDER}/${STEP2}`)).toBeNull();
		button(Modal.open.find((m) => m.contentEl.querySelector(".mlsd-report-missing"))!, "Recreate 1 missing notes").click();
		await h.settle();
		expect(await h.fileText(`${FOLDER}/${STEP2}`)).not.toBeNull();
	});

	it("restores the record from data.json.bak when data.json is unreadable", async () => {
		const first = await loadPlugin(MlSystemDesignVault);
		await install(first);
		const bak = await adapterText(first, "data.json.bak");
		expect(Object.keys(JSON.parse(bak).install.files).length).toBe(loadTemplate().files.length);
		const h = await loadPlugin(MlSystemDesignVault, { rawData: "\u0000\u0000", pluginFiles: { "data.json.bak": bak } });
		expect(Notice.history[0]).toMatch(/restored from data\.json\.bak/);
		expect(Object.keys(h.plugin.data.install.files).length).toBe(loadTemplate().files.length);
		expect(await adapterText(h, "data.json.unreadable")).toBe("\u0000\u0000");
	});

	it("reads a data.json with a byte-order mark, and keeps settings it does not know when saving", async () => {
		const h = await loadPlugin(MlSystemDesignVault, { rawData: "\uFEFF" + JSON.stringify({ schema: 1, welcomeDone: true, settings: { installFolder: "Prep", fromTheFuture: 3 } }) });
		expect(h.plugin.data.settings.installFolder).toBe("Prep");
		await h.plugin.save();
		expect(JSON.parse(await adapterText(h, "data.json")).settings.fromTheFuture).toBe(3);
	});
});
