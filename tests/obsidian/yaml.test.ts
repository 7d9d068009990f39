/**
 * Properties through Obsidian's own YAML: notes the plugin creates get their
 * front matter from stringifyYaml, and edits of an existing note's properties
 * go through processFrontMatter, so awkward values (':', '#', quotes, line
 * breaks) read back as written and a note's body is never touched.
 */
import type MlSystemDesignVault from "../../src/main";
import { startPractice } from "../../src/obsidian/practice";
import type { Harness } from "../helpers/harness";
import { genericChecklist, installed, runAndChoose, topModal } from "../helpers/plugin";
import { getFrontMatterInfo, Notice, parseYaml } from "../stand-in/obsidian";

const FOLDER = "ML System Design";
const STEP1 = "Framework/Step 1 - Clarifying requirements.md";
const AWKWARD = 'Design "search": rank #1 results\nfor a user\'s query — under 100 ms?';

const propertiesOf = (text: string): unknown => parseYaml(getFrontMatterInfo(text).frontmatter);

describe("a practice note created through the plugin", () => {
	it("has properties that read back as written, even with ':', '#', quotes and line breaks", async () => {
		const h = await installed();
		const draw = { caseName: "Ad click-through rate prediction", casePath: "x.md", domain: "ads", difficulty: "medium", prompt: AWKWARD, twist: "Labels arrive 7 days late: #delay \"now\"", twistNote: null };
		const path = await startPractice(h.plugin, h.plugin.catalog, draw);
		expect(path).not.toBeNull();
		await h.settle();
		const text = (await h.fileText(path!))!;
		const fm = h.app.metadataCache.getCache(path!)!.frontmatter!;
		expect(fm).toMatchObject({ case: "[[Ad click-through rate prediction]]", prompt: AWKWARD, twist: draw.twist, tags: ["mlsd/practice"] });
		expect(propertiesOf(text)).toEqual(fm);
		// The catalog reads it as a practice session of that case.
		expect(h.plugin.catalog.get().get(path!)).toMatchObject({ type: "practice" });
		expect(text).toContain(`> ${AWKWARD.replace("\n", "\n> ")}\n`);
	});
});

/** Edits step 1 to `mine`, then restores the shipped note, which saves `mine` as "(my version)". */
async function restoreStep1Over(h: Harness<MlSystemDesignVault>, mine: string): Promise<void> {
	await h.app.vault.modify(h.app.vault.getFileByPath(`${FOLDER}/${STEP1}`)!, mine);
	await runAndChoose(h, "restore-note", "Step 1");
}

describe("a saved copy of the user's version", () => {
	it("gets copy-of through processFrontMatter: the user's properties kept, the body byte for byte", async () => {
		const h = await installed();
		const body = "\n# My step 1\r\n\n---\nnot: properties\n---\n- [x] ticked  \n";
		const mine = `---\naliases: ["Step one: mine"]\nnote: "has # and: colon"\n---\n${body}`;
		await restoreStep1Over(h, mine);
		const copy = (await h.fileText(`${FOLDER}/Framework/Step 1 - Clarifying requirements (my version).md`))!;
		expect(copy.slice(getFrontMatterInfo(copy).contentStart)).toBe(body);
		expect(propertiesOf(copy)).toEqual({ aliases: ["Step one: mine"], note: "has # and: colon", "copy-of": "[[Step 1 - Clarifying requirements]]" });
	});

	it("keeps properties that are not valid YAML as they were, and every word", async () => {
		const h = await installed();
		const mine = "---\naliases: [unclosed\n---\nmy text\n";
		await restoreStep1Over(h, mine);
		expect(await h.fileText(`${FOLDER}/Framework/Step 1 - Clarifying requirements (my version).md`)).toBe(mine);
	});
});

describe("a new note from a personal template", () => {
	it("writes the template's properties with Obsidian's YAML, minus the template marker", async () => {
		const template = [
			"---", "template-for: concept", 'category: "model: sequence"', "aliases:", '  - "#1 idea"', "note: |", "  two", "  lines", "tags: mlsd/template, mine", "---",
			"# Title", "", "## How it works", "",
		].join("\n");
		const h = await installed({ "Mine/Templates/Concept.md": template });
		h.run("new-concept");
		const modal = topModal();
		const input = modal.contentEl.querySelector("input")!;
		input.value = "Beam search: \"wide\"";
		input.dispatchEvent(new Event("input"));
		[...modal.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Create")!.click();
		await h.settle();
		const file = h.app.workspace.getActiveFile()!;
		const text = (await h.app.vault.read(file))!;
		expect(propertiesOf(text)).toEqual({ category: "model: sequence", aliases: ["#1 idea"], note: "two\nlines\n", tags: ["mine", "mlsd/concept"] });
		expect(text.slice(getFrontMatterInfo(text).contentStart)).toBe('# Beam search: "wide"\n\n## How it works\n');
		expect(h.plugin.catalog.get().get(file.path)).toMatchObject({ type: "concept" });
	});
});

describe("a template whose properties are not valid YAML", () => {
	it("creates nothing and names the template in the notice", async () => {
		const h = await installed({ "Mine/Templates/Broken.md": "---\ntemplate-for: concept\ntags: [mlsd/template]\n---\n# Title\n" });
		const before = h.paths();
		const file = h.app.vault.getFileByPath("Mine/Templates/Broken.md")!;
		// The file breaks on disk (a sync, another editor) before Obsidian re-indexes it: the catalog still lists it as a template.
		(h.app.vault as unknown as { contents: Map<string, string> }).contents.set(file.path, "---\ntemplate-for: concept\ntags: [mlsd/template\nx: : y\n---\n# Title\n");
		h.run("new-concept");
		const modal = topModal();
		const input = modal.contentEl.querySelector("input")!;
		input.value = "Anything";
		input.dispatchEvent(new Event("input"));
		[...modal.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Create")!.click();
		await h.settle();
		expect(Notice.history.at(-1)).toMatch(/^Could not create the note: the template "Mine\/Templates\/Broken.md" could not be used: /);
		expect(h.paths()).toEqual(before);
	});
});

describe("the generated checklist note", () => {
	it("is tagged through its properties", async () => {
		const h = await installed();
		const text = await genericChecklist(h);
		expect(propertiesOf(text)).toEqual({ tags: ["mlsd/generated-checklist"] });
		expect(text.slice(getFrontMatterInfo(text).contentStart)).toMatch(/^# Design checklist: generic\n\n## Step 1/);
	});
});
