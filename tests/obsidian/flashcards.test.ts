/** Graded flashcards in the stand-in: the three sessions, the keyboard, the review log. */
import MlSystemDesignVault from "../../src/main";
import { parseReviewLog } from "../../src/core/flashcards";
import { type Harness } from "../helpers/harness";
import { installed, topModal } from "../helpers/plugin";
import { MarkdownRenderer, Modal, Notice, TFile } from "../stand-in/obsidian";

const LOG = "ML System Design practice/Flashcard reviews.md";
const CASE = "ML System Design/Case studies/Ad click-through rate prediction.md";

const lastNotice = (): string => Notice.history.at(-1) ?? "";
const key = async (h: Harness<MlSystemDesignVault>, k: string): Promise<void> => {
	document.dispatchEvent(new KeyboardEvent("keydown", { key: k }));
	await h.settle();
};
/** Waits (a bounded number of event-loop turns) for reads of many notes to finish. */
async function until(done: () => boolean): Promise<void> {
	for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 0));
	if (!done()) throw new Error(`condition not met; notices: ${Notice.history.slice(-3).join(" | ")}`);
}
async function open(h: Harness<MlSystemDesignVault>, path: string): Promise<void> {
	await h.app.workspace.getLeaf(true).openFile(h.app.vault.getFileByPath(path) as TFile);
}

describe("Review flashcards for this case", () => {
	it("is offered on a case study only, shows one card, Space reveals, 1-4 grade, and each grade lands in the review log", async () => {
		const render = jest.spyOn(MarkdownRenderer, "render");
		const h = await installed({ "Scratch.md": "text\n" });
		await open(h, "Scratch.md");
		expect(h.app.commands.isAvailable("ml-system-design-vault:review-flashcards")).toBe(false);
		await open(h, CASE);
		expect(h.run("review-flashcards")).toBe(true);
		await h.settle();
		const modal = topModal();
		expect(modal.titleEl.textContent).toBe("Flashcards: Ad click-through rate prediction");
		expect(modal.contentEl.querySelectorAll(".mlsd-flashcard")).toHaveLength(1);
		expect(modal.contentEl.querySelector(".mlsd-flashcard-answer")).toBeNull();
		expect(modal.contentEl.querySelector(".mlsd-flashcard-question")?.textContent?.length).toBeGreaterThan(3);
		// Question and answer go through Obsidian's Markdown renderer (math, links, code), with the note as source.
		expect(render).toHaveBeenCalledWith(expect.anything(), expect.any(String), expect.any(HTMLElement), expect.stringMatching(/^ML System Design\/Concepts\//), expect.anything());

		await key(h, "3"); // grading before the answer is shown does nothing
		expect(h.app.vault.getFileByPath(LOG)).toBeNull();
		await key(h, " ");
		expect(modal.contentEl.querySelector(".mlsd-flashcard-answer")?.textContent?.length).toBeGreaterThan(3);
		const labels = [...modal.contentEl.querySelectorAll(".mlsd-flashcard-grade-label")].map((e) => e.textContent);
		expect(labels).toEqual(["Again", "Hard", "Good", "Easy"]);
		const first = modal.contentEl.querySelector(".mlsd-flashcard-question")!.textContent;
		await key(h, "3");
		expect(modal.contentEl.querySelector(".mlsd-flashcard-question")!.textContent).not.toBe(first);
		await key(h, " ");
		await key(h, "1");
		const log = parseReviewLog((await h.fileText(LOG))!);
		expect(log.problems).toEqual([]);
		expect(log.reviews.map((r) => r.grade)).toEqual(["good", "again"]);
		// The log is a note of the plugin's, not a content note: the catalog never reads it.
		expect(h.plugin.catalog.get().get(LOG)).toBeUndefined();
		modal.close();
		render.mockRestore();
	});

	it("picks up where the log left off: graded cards are not due again at once", async () => {
		const h = await installed();
		await open(h, CASE);
		h.run("review-flashcards");
		await h.settle();
		const total = topModal().contentEl.querySelector(".mlsd-flashcards-intro")!.textContent!;
		const n = Number(/(\d+) cards? to go/.exec(total)![1]);
		for (let i = 0; i < n; i++) {
			await key(h, " ");
			await key(h, "4");
		}
		expect(topModal().contentEl.textContent).toMatch(/Session done: \d+ grades \(easy \d+\)/);
		topModal().close();
		const graded = new Set(parseReviewLog((await h.fileText(LOG))!).reviews.map((r) => r.id));
		expect(graded.size).toBe(n);
		expect(n).toBeGreaterThan(20);
		// The case's cards, all graded "easy", are days away; and today's allowance of new cards is used up by them.
		h.run("review-due-flashcards");
		await until(() => /Nothing is due/.test(lastNotice()));
		expect(lastNotice()).toMatch(/^Nothing is due\. Today's 20 new cards are done; \d+ more come in the next days .*The next card is due in \d+d\.$/);
		expect(Modal.open).toHaveLength(0);
	});

	it("never writes into a note of the user's at the log's path", async () => {
		const h = await installed({ [LOG]: "My own notes about flashcards.\n" });
		await open(h, CASE);
		h.run("review-flashcards");
		await h.settle();
		await key(h, " ");
		await key(h, "3");
		expect(await h.fileText(LOG)).toBe("My own notes about flashcards.\n");
		expect(lastNotice()).toMatch(/is a note of yours, so it was not changed/);
		topModal().close();
	});
});

describe("Review due flashcards", () => {
	it("on a fresh vault, offers today's allowance of new cards from every concept", async () => {
		const h = await installed();
		h.run("review-due-flashcards");
		await until(() => topModal()?.titleEl.textContent === "Due flashcards");
		expect(topModal().contentEl.textContent).toMatch(/Due cards first, then today's new ones\. 20 cards to go\./);
		topModal().close();
	});

	it("introduces as many new cards a day as the setting says", async () => {
		const h = await installed();
		h.plugin.data.settings.newCardsPerDay = 7;
		h.run("review-due-flashcards");
		await until(() => topModal()?.titleEl.textContent === "Due flashcards");
		expect(topModal().contentEl.textContent).toMatch(/7 cards to go\./);
		topModal().close();
	});
});

describe("Review flashcards for weakest steps", () => {
	it("explains when nothing is scored yet, then reviews the concepts of the lowest-scoring steps", async () => {
		const h = await installed();
		h.run("review-weak-step-flashcards");
		await h.settle();
		expect(lastNotice()).toMatch(/No step has a self-review score yet/);
		await h.app.vault.createFolder("ML System Design practice");
		await h.app.vault.create("ML System Design practice/Practice 2026-01-10 Feed.md",
			"---\ntags: [mlsd/practice]\ncase: \"[[Video recommendation home feed]]\"\ndate: 2026-01-10\nrating: good\nstep-scores: [4, 4, 1, 4, 4, 4, 4]\n---\n");
		await h.settle();
		h.run("review-weak-step-flashcards");
		await h.settle();
		const modal = topModal();
		expect(modal.titleEl.textContent).toBe("Flashcards: weakest steps");
		expect(modal.contentEl.textContent).toMatch(/Step 3 - Data preparation \(1\)/);
		modal.close();
	});
});
