import { installed, topModal, genericChecklist } from "../helpers/plugin";
import { Modal, Notice, MarkdownView, SuggestModal, TFile } from "../stand-in/obsidian";

const PERSONAL_CASE = "---\ntags: [mlsd/case-study]\ndomain: speech\ndifficulty: easy\nprompts:\n  - Design a voice note transcriber for a phone.\n---\n";
const MY_CHECKS = "---\ntags: [mlsd/checklist]\nstep: 3\n---\n## Checklist\n- [ ] Checked consent for every audio clip\n";

const clickButton = (m: Modal, text: string): void => {
	const b = [...m.contentEl.querySelectorAll("button")].find((x) => x.textContent === text);
	if (!b) throw new Error(`no button ${text}`);
	b.click();
};

describe("Draw a random interview prompt", () => {
	it("draws a personal case written only with properties, and starts practice from it", async () => {
		const h = await installed({ "Mine/Voice notes.md": PERSONAL_CASE });
		h.plugin.data.settings.promptFilters = { domain: "speech", difficulty: "easy", source: "personal", skipPractisedDays: 0, twist: true };
		h.run("draw-prompt");
		await h.settle();
		const modal = topModal();
		expect(modal.contentEl.querySelector(".mlsd-prompt-text")?.textContent).toBe("Design a voice note transcriber for a phone.");
		expect(modal.contentEl.querySelector(".mlsd-prompt-twist")?.textContent).toMatch(/^Twist: .+/);
		clickButton(modal, "Start practice");
		await h.settle();
		const practice = h.paths().filter((p) => p.startsWith("ML System Design practice/"));
		expect(practice).toHaveLength(1);
		const text = (await h.fileText(practice[0]!))!;
		expect(text).toContain('case: "[[Voice notes]]"');
		expect(text).toMatch(/> \[!example\]- Reference case study/);
		expect(h.app.workspace.getActiveFile()?.path).toBe(practice[0]);
		// Practised today: skipping recent cases now empties the pool and says which filter did it.
		h.plugin.data.settings.promptFilters.skipPractisedDays = 7;
		h.run("draw-prompt");
		await h.settle();
		expect(topModal().contentEl.querySelector(".mlsd-prompt-error")?.textContent).toMatch(/skip cases practised in the last 7 days/);
	});

	it("'Start mock interview' writes the practice note and starts the clock on it", async () => {
		const h = await installed();
		h.run("draw-prompt");
		await h.settle();
		clickButton(topModal(), "Start mock interview");
		await h.settle();
		const note = h.app.workspace.getActiveFile()!;
		expect(note.path.startsWith("ML System Design practice/Practice ")).toBe(true);
		expect(h.app.statusBarEl.querySelector(".mlsd-timer")?.textContent).toMatch(/^Step 1 · Clarifying requirements · 0?[45]:\d\d$/);
		expect((h.plugin.data.timer as { practicePath: string }).practicePath).toBe(note.path);
		h.run("stop-mock-interview");
		await h.settle();
	});

	it("remembers filters changed in the modal", async () => {
		const h = await installed();
		h.run("draw-prompt");
		await h.settle();
		const select = topModal().contentEl.querySelector("select")!;
		select.value = "ads";
		select.dispatchEvent(new Event("change"));
		await h.settle();
		expect(h.plugin.data.settings.promptFilters.domain).toBe("ads");
		expect(topModal().contentEl.querySelector(".mlsd-prompt-meta")?.textContent).toMatch(/^ads ·/);
		const saved = JSON.parse(await h.app.vault.adapter.read(".obsidian/plugins/ml-system-design-vault/data.json"));
		expect(saved.settings.promptFilters.domain).toBe("ads");
	});

	it("names a personal note with broken properties once and still draws", async () => {
		const h = await installed({ "Mine/Broken.md": "---\ntags: [mlsd/case-study]\ndomain: cooking\n---\n" });
		h.run("draw-prompt");
		await h.settle();
		expect(Notice.history.filter((n) => n.includes("Mine/Broken.md"))).toHaveLength(1);
		expect(topModal().contentEl.querySelector(".mlsd-prompt-text")?.textContent).toBeTruthy();
		topModal().close();
		h.run("draw-prompt");
		await h.settle();
		expect(Notice.history.filter((n) => n.includes("Mine/Broken.md"))).toHaveLength(1);
	});
});

describe("catalog", () => {
	it("follows an edited, renamed and deleted note without a rebuild or re-reading files", async () => {
		const h = await installed({ "Mine/Voice notes.md": PERSONAL_CASE });
		const catalog = h.plugin.catalog.get();
		expect(catalog.caseByName("Voice notes")?.difficulty).toBe("easy");
		const reads = h.app.vault.readCount;
		const file = h.app.vault.getFileByPath("Mine/Voice notes.md")!;
		await h.app.vault.modify(file, PERSONAL_CASE.replace("easy", "hard"));
		await h.settle();
		expect(h.plugin.catalog.get().caseByName("Voice notes")?.difficulty).toBe("hard");
		await h.app.vault.rename(file, "Mine/Dictation.md");
		await h.settle();
		expect(h.plugin.catalog.get().caseByName("Voice notes")).toBeUndefined();
		expect(h.plugin.catalog.get().caseByName("Dictation")?.path).toBe("Mine/Dictation.md");
		await h.app.vault.delete(file);
		await h.settle();
		expect(h.plugin.catalog.get().caseByName("Dictation")).toBeUndefined();
		expect(h.plugin.catalog.get()).toBe(catalog);
		expect(h.app.vault.readCount).toBe(reads);
	});
});

describe("design checklists", () => {
	it("puts a personal checklist note's items under its step, and reflects step note edits", async () => {
		const h = await installed({ "Mine/My checks.md": MY_CHECKS });
		const text = await genericChecklist(h);
		const step3 = text.slice(text.indexOf("## Step 3"), text.indexOf("## Step 4"));
		expect(step3).toContain("- [ ] Checked consent for every audio clip *(from [[My checks]])*");
		expect(text.indexOf("## Step 1")).toBeLessThan(text.indexOf("## Step 7"));

		const stepFile = h.app.vault.getFileByPath("ML System Design/Framework/Step 1 - Clarifying requirements.md")!;
		await h.app.vault.process(stepFile, (t) => t.replace("## Checklist\n", "## Checklist\n\n- [ ] Asked who the interviewer's users are\n"));
		await h.settle();
		expect(await genericChecklist(h)).toContain("- [ ] Asked who the interviewer's users are");
	});

	it("inserts a case's checklist at the cursor", async () => {
		const h = await installed({ "Scratch.md": "Notes\n" });
		await h.app.workspace.getLeaf(true).openFile(h.app.vault.getFileByPath("Scratch.md") as TFile);
		const view = h.app.workspace.getActiveViewOfType(MarkdownView)!;
		view.editor.setCursor({ line: 1, ch: 0 });
		expect(h.run("insert-checklist")).toBe(true);
		const chooser = topModal<SuggestModal<unknown>>();
		await chooser.setQuery("Ad click-through");
		chooser.choose(0);
		await h.settle();
		const value = view.editor.getValue();
		expect(value.startsWith("Notes\n### Step 1: Clarifying requirements (5 min)")).toBe(true);
		expect(value).toContain("### Specific to Ad click-through rate prediction");
	});

	it("needs an open editor to insert", async () => {
		const h = await installed();
		expect(h.app.commands.isAvailable("ml-system-design-vault:insert-checklist")).toBe(false);
	});
});

describe("new notes from templates", () => {
	it("creates a valid personal case study with a safe, unique name that the prompt can draw", async () => {
		const h = await installed();
		for (let i = 0; i < 2; i++) {
			h.run("new-case-study");
			const modal = topModal();
			const input = modal.contentEl.querySelector("input")!;
			input.value = "Podcast / recs?";
			input.dispatchEvent(new Event("input"));
			clickButton(modal, "Create");
			await h.settle();
		}
		expect(h.paths().filter((p) => p.startsWith("ML System Design personal/"))).toEqual([
			"ML System Design personal/Podcast recs 2.md", "ML System Design personal/Podcast recs.md",
		]);
		const text = (await h.fileText("ML System Design personal/Podcast recs.md"))!;
		expect(text).toMatch(/^---\ndomain: recsys\n/);
		expect(text).toMatch(/\ntags:\n  - mlsd\/case-study\n  - mlsd\/domain\/recsys\n---/);
		expect(text).not.toMatch(/mlsd\/template|template-for|^type:/m);
		expect(text).not.toContain("template-for");
		expect(text).toContain("# Podcast / recs?");
		const rec = h.plugin.catalog.get().caseByName("Podcast recs");
		expect(rec?.origin).toBe("personal");
	});
});
