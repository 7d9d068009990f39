/** In the stand-in: notes with only a type: never take part; 0.1 notes are offered the tag once, with consent. */
import MlSystemDesignVault from "../../src/main";
import { offerTagsOnce } from "../../src/obsidian/TagOfferModal";
import { checklistFor } from "../../src/obsidian/notes";
import { allCards } from "../../src/obsidian/flashcards/deck";
import { loadPlugin } from "../helpers/harness";
import { installed, topModal } from "../helpers/plugin";
import { Modal, Notice } from "../stand-in/obsidian";

const PHILOSOPHY = "---\ntype: concept\ncategory: metric\n---\n# Being\n\n## Flashcards\nWhat is Dasein?::Being-there.\n\n## Checklist\n- [ ] Read chapter 2\n";
const OLD_PRACTICE = "---\ntype: practice\ncase: \"[[Feed]]\"\ndate: 2026-01-12\nrating: good\n---\n";
const DATA = ".obsidian/plugins/ml-system-design-vault/data.json";

describe("a note with type: concept and no tag", () => {
	it("is invisible to the catalog, prompts, checklists and flashcards", async () => {
		const h = await installed({ "Philosophy/Being.md": PHILOSOPHY, "Cooking/Recipe search.md": "---\ntype: case-study\ndomain: search\ndifficulty: easy\nprompts: [Design recipe search.]\n---\n" });
		const catalog = h.plugin.catalog.get();
		expect(catalog.get("Philosophy/Being.md")).toBeUndefined();
		expect(catalog.get("Cooking/Recipe search.md")).toBeUndefined();
		expect(catalog.skipped()).toEqual([]);
		expect(catalog.ofType("concept").length).toBeGreaterThan(150);
		const sections = await checklistFor(h.app as never, catalog, null);
		expect(sections.flatMap((s) => s.items.map((i) => i.text))).not.toContain("Read chapter 2");
		expect(sections.flatMap((s) => s.items).length).toBeGreaterThan(50);
		const deck = await allCards(h.plugin, h.plugin.catalog);
		expect(deck.cards.length).toBeGreaterThan(400);
		expect(deck.cards.some((c) => c.question === "What is Dasein?")).toBe(false);
		h.run("draw-prompt");
		await h.settle();
		const prompt = topModal()!;
		expect([...prompt.contentEl.querySelectorAll("option")].map((o) => o.value)).not.toContain("search-cooking");
		expect(prompt.contentEl.textContent).not.toMatch(/recipe/i);
		prompt.close();
	});
});

describe("the tag offer after the update", () => {
	it("lists 0.1 notes once, preselects those in the plugin's folders, and tags only the chosen ones", async () => {
		const h = await installed({ "Philosophy/Being.md": PHILOSOPHY, "ML System Design practice/Practice 2026-01-12 Feed.md": OLD_PRACTICE }, { schema: 1, welcomeDone: true });
		await offerTagsOnce(h.plugin);
		const modal = topModal()!;
		expect(modal.titleEl.textContent).toBe("Notes from an earlier version");
		const boxes = [...modal.contentEl.querySelectorAll<HTMLInputElement>("input[type=checkbox]")];
		expect(boxes.map((b) => [b.dataset.path, b.checked])).toEqual([
			["ML System Design practice/Practice 2026-01-12 Feed.md", true],
			["Philosophy/Being.md", false],
		]);
		// Remembered at once: the offer is not repeated on the next start.
		expect(JSON.parse((await h.app.vault.adapter.read(DATA))).tagOfferDone).toBe(true);
		const add = [...modal.contentEl.querySelectorAll("button")].find((b) => /^Add tags to 1 note$/.test(b.textContent ?? ""))!;
		add.click();
		await h.settle();
		expect(await h.fileText("Philosophy/Being.md")).toBe(PHILOSOPHY);
		expect(h.app.metadataCache.getCache("ML System Design practice/Practice 2026-01-12 Feed.md")?.frontmatter?.tags).toEqual(["mlsd/practice"]);
		expect(h.plugin.catalog.get().practice().map((p) => p.caseName)).toEqual(["Feed"]);
		expect(Notice.history.at(-1)).toBe("Added the tag to 1 note.");
		await offerTagsOnce(h.plugin);
		expect(topModal()).toBeUndefined();
	});

	it("changes nothing on 'Not now', and is available again as a command", async () => {
		const h = await installed({ "Philosophy/Being.md": PHILOSOPHY }, { schema: 1, welcomeDone: true });
		await offerTagsOnce(h.plugin);
		[...topModal()!.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Not now")!.click();
		expect(await h.fileText("Philosophy/Being.md")).toBe(PHILOSOPHY);
		h.run("offer-tags");
		expect(topModal()?.titleEl.textContent).toBe("Notes from an earlier version");
		topModal()!.close();
	});

	it("is not shown to a new user, whose vault has no 0.1 notes of ours", async () => {
		const h = await loadPlugin(MlSystemDesignVault, { files: { "Templates/Meeting.md": "---\ntype: template\n---\n" }, data: null });
		// The welcome offer is up for a new user; closing it counts as "not now" and does not make them an existing user.
		expect(topModal()?.titleEl.textContent).toBe("Welcome");
		for (const m of [...Modal.open]) m.close();
		// The offer runs a few seconds after start-up (once the metadata cache has settled).
		await new Promise((r) => setTimeout(r, 4100));
		expect(topModal()).toBeUndefined();
		expect(h.plugin.data.tagOfferDone).toBe(true);
	});
});
