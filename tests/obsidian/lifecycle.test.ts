import MlSystemDesignVault from "../../src/main";
import { loadTemplate } from "../../src/generated/vaultTemplate";
import { makeTemplate, makeTemplateFile } from "../../src/core/template";
import type { EmbeddedTemplate } from "../../src/core/types";
import { loadPlugin, type Harness } from "../helpers/harness";
import { topModal } from "../helpers/plugin";
import { Modal, Notice, SuggestModal } from "../stand-in/obsidian";

const FOLDER = "ML System Design";
const STEP1 = "Framework/Step 1 - Clarifying requirements.md";
const STEP2 = "Framework/Step 2 - Framing the problem as an ML task.md";

const button = (m: Modal, text: string): HTMLButtonElement => {
	const b = [...m.modalEl.querySelectorAll("button")].find((x) => x.textContent === text);
	if (!b) throw new Error(`no button "${text}" in ${m.modalEl.textContent}`);
	return b;
};

/** The shipped template with two notes changed (the title line revised, a paragraph added), as after a plugin upgrade. */
function upgraded(): EmbeddedTemplate {
	const t = loadTemplate();
	const revise = (text: string): string => text.replace(/^(## .*)$/m, "$1 (revised)") + "\nA paragraph added in the new version.\n";
	return makeTemplate(t.files.map((f) => ([STEP1, STEP2].includes(f.path) ? makeTemplateFile(f.path, revise(f.content), f.frontmatter) : f)));
}
function useTemplate(h: Harness<MlSystemDesignVault>, t: EmbeddedTemplate): void {
	Object.defineProperty(h.plugin, "template", { get: () => t, configurable: true });
	Object.defineProperty(h.plugin, "templateVersion", { get: () => t.version, configurable: true });
}
async function install(h: Harness<MlSystemDesignVault>): Promise<void> {
	h.run("install-notes");
	await h.settle();
}

describe("first run", () => {
	it("offers to install, writes nothing until asked, then installs", async () => {
		const h = await loadPlugin(MlSystemDesignVault, { data: null });
		const welcome = topModal();
		expect(welcome.titleEl.textContent).toBe("Welcome");
		expect(welcome.contentEl.textContent).toMatch(/Install \d+ linked notes/);
		expect(welcome.contentEl.textContent).toContain("ML System Design");
		expect(h.paths()).toEqual([]);
		button(welcome, "Install notes").click();
		await h.settle();
		expect(h.paths().length).toBe(loadTemplate().files.length);
		expect(h.plugin.data.welcomeDone).toBe(true);
	});
	it("'Not now' writes nothing and does not ask again", async () => {
		const h = await loadPlugin(MlSystemDesignVault, { data: null });
		button(topModal(), "Not now").click();
		await h.settle();
		expect(h.paths()).toEqual([]);
		const saved = JSON.parse(await h.app.vault.adapter.read(".obsidian/plugins/ml-system-design-vault/data.json"));
		expect(saved.welcomeDone).toBe(true);
	});
});

describe("update after a plugin upgrade", () => {
	it("updates untouched notes, keeps edited ones and offers Keep mine / Take new", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		await install(h);
		const step1 = h.app.vault.getFileByPath(`${FOLDER}/${STEP1}`)!;
		await h.app.vault.modify(step1, "my rewrite of step 1");
		useTemplate(h, upgraded());
		await install(h);
		expect(await h.fileText(`${FOLDER}/${STEP2}`)).toContain("added in the new version");
		expect(await h.fileText(`${FOLDER}/${STEP1}`)).toBe("my rewrite of step 1");
		const report = topModal();
		expect(report.contentEl.textContent).toContain("Your edit overlaps the new version (1)");
		expect(report.contentEl.textContent).toContain("Updated to the new version (1)");
		expect(Notice.history.at(-1)).toMatch(/kept 1 where your edit and the new version overlap\. Compare it with the new version in the report/);

		button(report, "Compare").click();
		await h.settle();
		const compare = topModal();
		// A real line diff: the user's line removed by taking the new version, the new version's lines added.
		const rows = (cls: string) => [...compare.contentEl.querySelectorAll(`.mlsd-diff-${cls} .mlsd-diff-text`)].map((e) => e.textContent);
		expect(rows("mine")).toEqual(["my rewrite of step 1"]);
		expect(rows("theirs")).toContain("A paragraph added in the new version.");
		expect(compare.contentEl.querySelector(".mlsd-diff-summary")!.textContent).toMatch(/1 place where your edit overlaps a change/);
		button(compare, "Take new").click();
		await h.settle();
		expect(await h.fileText(`${FOLDER}/${STEP1}`)).toContain("added in the new version");
		const copyPath = `${FOLDER}/Framework/Step 1 - Clarifying requirements (my version).md`;
		expect(await h.fileText(copyPath)).toBe('---\ncopy-of: "[[Step 1 - Clarifying requirements]]"\n---\nmy rewrite of step 1');
		expect(h.plugin.catalog.get().get(copyPath)).toBeUndefined(); // the copy does not take part twice
		await install(h);
		expect(Notice.history.at(-1)).toMatch(/up to date/);
	});

	it("'Keep mine' is remembered: the same version is not offered again", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		await install(h);
		await h.app.vault.modify(h.app.vault.getFileByPath(`${FOLDER}/${STEP1}`)!, "mine");
		useTemplate(h, upgraded());
		await install(h);
		button(topModal(), "Keep mine").click();
		await h.settle();
		await install(h);
		expect(await h.fileText(`${FOLDER}/${STEP1}`)).toBe("mine");
		expect(Notice.history.at(-1)).not.toMatch(/new version/);
	});
});

describe("restore and remove", () => {
	it("restores a deleted shipped note and keeps an edited one as a copy", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		await install(h);
		await h.app.vault.delete(h.app.vault.getFileByPath(`${FOLDER}/${STEP2}`)!);
		await h.app.vault.modify(h.app.vault.getFileByPath(`${FOLDER}/${STEP1}`)!, "edited");
		h.run("restore-note");
		await h.settle();
		const chooser = topModal<SuggestModal<unknown>>();
		await chooser.setQuery("");
		expect(chooser.resultContainerEl.textContent).toContain("Step 2 - Framing the problem as an ML task (deleted)");
		await chooser.setQuery("Step 1");
		chooser.choose(0);
		await h.settle();
		expect(await h.fileText(`${FOLDER}/${STEP1}`)).toBe(loadTemplate().files.find((f) => f.path === STEP1)!.content);
		expect(await h.fileText(`${FOLDER}/Framework/Step 1 - Clarifying requirements (my version).md`)).toBe('---\ncopy-of: "[[Step 1 - Clarifying requirements]]"\n---\nedited');
	});

	it("moves only untouched notes to the trash, after confirmation", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		await install(h);
		await h.app.vault.modify(h.app.vault.getFileByPath(`${FOLDER}/${STEP1}`)!, "edited");
		h.run("remove-untouched");
		await h.settle();
		const confirm = topModal();
		expect(confirm.contentEl.textContent).toMatch(/1 note you edited will stay/);
		button(confirm, "Move to trash").click();
		await h.settle();
		expect(h.paths().filter((p) => p.startsWith(FOLDER))).toEqual([`${FOLDER}/${STEP1}`]);
		expect(h.app.vault.trashed).toHaveLength(loadTemplate().files.length - 1);
		await install(h);
		expect(h.paths().filter((p) => p.startsWith(FOLDER))).toHaveLength(1); // removed notes stay removed
	});
});

describe("changing the notes folder", () => {
	it("asks, and moves the installed notes instead of duplicating them", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		await install(h);
		h.plugin.data.settings.installFolder = "Prep/ML";
		h.run("install-notes");
		await h.settle();
		const ask = topModal();
		expect(ask.contentEl.textContent).toMatch(/installed in "ML System Design"/);
		button(ask, 'Move them to "Prep/ML"').click();
		await h.settle();
		const n = loadTemplate().files.length;
		expect(h.paths().filter((p) => p.startsWith("Prep/ML/"))).toHaveLength(n);
		expect(h.paths().filter((p) => p.startsWith(`${FOLDER}/`))).toHaveLength(0);
		expect(h.plugin.data.install.folder).toBe("Prep/ML");
		expect(Notice.history.at(-1)).toMatch(/up to date/);
	});
	it("Cancel moves and writes nothing", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		await install(h);
		const before = h.paths();
		h.plugin.data.settings.installFolder = "Elsewhere";
		h.run("install-notes");
		await h.settle();
		button(topModal(), "Cancel").click();
		await h.settle();
		expect(h.paths()).toEqual(before);
	});
});
