/**
 * The practice loop in the stand-in, on a fake clock: jest fakes only Date
 * and setInterval, so the stand-in's asynchronous metadata (setTimeout) runs
 * as usual while every second of the interview is under the test's control.
 */
import MlSystemDesignVault from "../../src/main";
import { checklistTally } from "../../src/core/practice";
import { caseSchedules } from "../../src/core/review";
import { loadPlugin, type Harness } from "../helpers/harness";
import { installed, topModal } from "../helpers/plugin";
import { Modal, Notice, TFile } from "../stand-in/obsidian";

const MIN = 60_000;
const DATA_FILE = ".obsidian/plugins/ml-system-design-vault/data.json";
const PRACTICE_FOLDER = "ML System Design practice";
const NOW = new Date("2026-01-20T09:00:00Z");

function fakeClock(): void {
	jest.useFakeTimers({
		now: NOW,
		doNotFake: ["setTimeout", "clearTimeout", "setImmediate", "clearImmediate", "nextTick", "queueMicrotask", "hrtime", "performance"],
	});
}
afterEach(() => {
	jest.useRealTimers();
});

const statusEl = (h: Harness<MlSystemDesignVault>): HTMLElement => h.app.statusBarEl.querySelector<HTMLElement>(".mlsd-timer")!;
const status = (h: Harness<MlSystemDesignVault>): string | null => (statusEl(h).hidden ? null : statusEl(h).textContent);
const lastNotice = (): string => Notice.history.at(-1) ?? "";
const clockLabel = (h: Harness<MlSystemDesignVault>): HTMLElement => statusEl(h).querySelector<HTMLElement>(".mlsd-timer-label")!;
async function runAndSettle(h: Harness<MlSystemDesignVault>, id: string): Promise<void> {
	h.run(id);
	await h.settle();
}
const frontmatter = (h: Harness<MlSystemDesignVault>, path: string): Record<string, unknown> =>
	h.app.metadataCache.getCache(path)?.frontmatter ?? {};
function click(el: ParentNode, text: string): void {
	const b = [...el.querySelectorAll("button")].find((x) => x.textContent === text);
	if (!b) throw new Error(`no button "${text}"`);
	b.click();
}
async function open(h: Harness<MlSystemDesignVault>, path: string): Promise<void> {
	await h.app.workspace.getLeaf(true).openFile(h.app.vault.getFileByPath(path) as TFile);
}

const PRACTICE = (caseName: string, date: string, extra = ""): string =>
	`---\ntype: practice\ntags: [mlsd/practice]\ncase: "[[${caseName}]]"\ndate: ${date}\nrating:\ndue:\n${extra}---\n\n## Time plan\n\n## Your answer\n\n## Checklist\n`;
const STATE = (practicePath: string, startedAt: number) => ({
	practicePath,
	plan: [{ step: 1, name: "Step 1 - Clarifying requirements", minutes: 5 }, { step: 2, name: "Step 2 - Framing", minutes: 4 }],
	events: [{ type: "start", at: startedAt }],
});

describe("a mock interview from start to self-review", () => {
	it("times each step through next, pause and an overrun, then an honest self-review writes scalar properties", async () => {
		const h = await installed();
		fakeClock();

		await runAndSettle(h, "start-mock-interview");
		expect(lastNotice()).toMatch(/^Open a practice note first\. Draw a prompt/);
		expect(status(h)).toBeNull();

		h.run("practise-next-due");
		await h.settle();
		expect(Notice.history.some((n) => /^New case: .* \(a case from [a-z-]+\)\.$/.test(n))).toBe(true);
		const note = h.app.workspace.getActiveFile()!;
		expect(note.path.startsWith(`${PRACTICE_FOLDER}/Practice 2026-01-20 `)).toBe(true);
		const written = frontmatter(h, note.path);
		expect(written["session-date"]).toBe("2026-01-20");
		expect(written).not.toHaveProperty("due");
		expect(written).not.toHaveProperty("date");
		// The user ticks one of step 1's checklist items while answering.
		await h.app.vault.process(note, (t) => t.replace(/(### Step 1:[^\n]*\n\n)- \[ \]/, "$1- [x]"));
		await h.settle();

		await runAndSettle(h, "start-mock-interview");
		expect(lastNotice()).toBe("Mock interview started. Step 1: Clarifying requirements, 5 min.");
		expect(status(h)).toBe("Step 1 · Clarifying requirements · 05:00");
		expect(JSON.parse(await h.app.vault.adapter.read(DATA_FILE)).timer.practicePath).toBe(note.path);

		jest.advanceTimersByTime(3 * MIN);
		expect(status(h)).toBe("Step 1 · Clarifying requirements · 02:00");
		// Clicking the clock moves on to the next step.
		clockLabel(h).click();
		expect(lastNotice()).toBe("Step 2: Framing the problem as an ML task, 4 min.");

		jest.advanceTimersByTime(1 * MIN);
		h.run("pause-mock-interview");
		expect(status(h)).toBe("Paused · Step 2 · Framing the problem as an ML task · 03:00");
		jest.advanceTimersByTime(10 * MIN);
		expect(status(h)).toBe("Paused · Step 2 · Framing the problem as an ML task · 03:00");
		statusEl(h).querySelector<HTMLElement>(".mlsd-timer-pause")!.click();
		expect(lastNotice()).toBe("Mock interview resumed.");

		jest.advanceTimersByTime(4.5 * MIN);
		expect(status(h)).toBe("Step 2 · Framing the problem as an ML task · +01:30 over");
		expect(statusEl(h).classList.contains("mlsd-timer-over")).toBe(true);
		expect(Notice.history.filter((n) => n.startsWith("Time is up for step 2 (Framing the problem as an ML task)"))).toHaveLength(1);

		h.run("next-interview-step");
		jest.advanceTimersByTime(2 * MIN);
		h.run("stop-mock-interview");
		await h.settle();
		expect(status(h)).toBeNull();
		expect(h.plugin.data.timer).toBeNull();
		expect(h.app.commands.isAvailable("ml-system-design-vault:next-interview-step")).toBe(false);

		// Timing is written at once, so closing the self-review loses nothing. Steps never reached are skipped.
		expect(frontmatter(h, note.path)).toMatchObject({
			"step1-minutes": 3, "step2-minutes": 5.5, "step2-overrun": 1.5, "step3-minutes": 2,
			"step4-score": "skipped", "step5-score": "skipped", "step6-score": "skipped", "step7-score": "skipped",
		});
		expect(await h.fileText(note.path)).toContain("| 2. Framing the problem as an ML task | 4.0 | 5.5 | 1.5 | – |");

		// The review opens on the checklist: no scores to give before it has been seen.
		const review = topModal() as Modal & { currentStage: string };
		expect(review.modalEl.classList.contains("mlsd-review-modal")).toBe(true);
		expect(review.currentStage).toBe("checklist");
		expect(review.titleEl.textContent).toBe("Self-review: the checklist");
		expect(review.contentEl.querySelectorAll("select, .mlsd-score")).toHaveLength(0);
		const boxes = [...review.contentEl.querySelectorAll<HTMLInputElement>(".mlsd-review-item input")];
		expect(boxes.filter((b) => b.checked)).toHaveLength(1);
		// Ticking an item here ticks it in the note.
		const second = boxes.find((b) => !b.checked)!;
		second.checked = true;
		second.dispatchEvent(new Event("change"));
		await h.settle();
		click(review.contentEl, "Score the steps");

		// Nothing preselected; skipped steps have no controls; no rating chosen and saving waits for one.
		expect(review.contentEl.querySelectorAll(".mlsd-score.is-active")).toHaveLength(0);
		expect(review.contentEl.querySelectorAll(".mlsd-review-rating button.is-active, .mlsd-review-rating button.mod-cta")).toHaveLength(0);
		const saveButton = [...review.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Save review")!;
		expect(saveButton.disabled).toBe(true);
		const steps = [...review.contentEl.querySelectorAll(".mlsd-review-step")];
		expect(steps).toHaveLength(7);
		expect(steps.slice(3).every((s) => s.classList.contains("mlsd-review-skipped") && s.querySelectorAll("button").length === 0)).toBe(true);
		const descs = steps.map((d) => d.querySelector(".setting-item-description")?.textContent ?? "");
		expect(descs[0]).toMatch(/^2 of \d+ checklist items ticked · 3\.0 of 5 min$/);
		expect(descs[1]).toMatch(/^0 of \d+ checklist items ticked · 5\.5 of 4 min \(1\.5 over\)$/);
		click(steps[1]!, "1 · missed");
		expect(steps[1]!.querySelector(".mlsd-score.is-active")?.textContent).toBe("1 · missed");
		click(review.contentEl, "Hard");
		expect(saveButton.disabled).toBe(false);
		click(review.contentEl, "Save review");
		await h.settle();

		const fm = frontmatter(h, note.path);
		expect(fm["mlsd-rating"]).toBe("hard");
		expect(fm["step2-score"]).toBe(1);
		// Steps 1 and 3 were practised but not scored: they stay unscored.
		expect(fm).not.toHaveProperty("step1-score");
		expect(fm).not.toHaveProperty("step3-score");
		expect(fm["step4-score"]).toBe("skipped");
		expect(fm).not.toHaveProperty("due");
		expect(fm).not.toHaveProperty("rating");
		for (const v of Object.values(fm)) if (Array.isArray(v)) expect(v.every((x) => typeof x === "string")).toBe(true);
		const caseName = String(fm.case).replace(/^\[\[|\]\]$/g, "");
		const due = caseSchedules(h.plugin.catalog.get()).get(caseName.toLowerCase())!.due;
		expect(lastNotice()).toBe(`Self-review saved. Next review of ${caseName}: ${due}.`);
		const text = (await h.fileText(note.path))!;
		expect(text.match(/## Timing/g)).toHaveLength(1);
		expect(text).toMatch(/\| 2\. Framing the problem as an ML task \| 4\.0 \| 5\.5 \| 1\.5 \| 1 \|/);
		expect(text).toMatch(/\| 4\. Model development \| [\d.]+ \| – \| – \| skipped \|/);
		expect(checklistTally(text).get(1)?.ticked).toBe(2);
		expect(Modal.open).not.toContain(review);
	});

	it("asks for a practice note, and names a practice note whose properties are broken", async () => {
		const h = await loadPlugin(MlSystemDesignVault, { files: { "Scratch.md": "Just text\n", "P/Broken.md": PRACTICE("Feed", "someday") } });
		await open(h, "Scratch.md");
		await runAndSettle(h, "start-mock-interview");
		expect(lastNotice()).toMatch(/^Open a practice note first/);
		await open(h, "P/Broken.md");
		await runAndSettle(h, "start-mock-interview");
		expect(lastNotice()).toMatch(/^"Broken" has practice properties the plugin cannot read: "date" is "someday", which is not a real date/);
		expect(h.plugin.data.timer).toBeNull();
	});
});

describe("the timer outlives the note being closed, but never writes into a note that is gone", () => {
	it("restores a saved interview after a reload and follows the note through a rename", async () => {
		fakeClock();
		const h = await loadPlugin(MlSystemDesignVault, {
			files: { "P/Practice.md": PRACTICE("Feed", "2026-01-20") },
			data: { schema: 1, welcomeDone: true, timer: STATE("P/Practice.md", NOW.getTime() - 2 * MIN) },
		});
		expect(status(h)).toBe("Step 1 · Clarifying requirements · 03:00");
		jest.advanceTimersByTime(MIN);
		expect(status(h)).toBe("Step 1 · Clarifying requirements · 02:00");

		await h.app.vault.rename(h.app.vault.getFileByPath("P/Practice.md")!, "P/Renamed.md");
		expect((h.plugin.data.timer as { practicePath: string }).practicePath).toBe("P/Renamed.md");
		await h.app.vault.createFolder("Archive");
		await h.app.vault.rename(h.app.vault.getFolderByPath("P")!, "Archive/P");
		expect((h.plugin.data.timer as { practicePath: string }).practicePath).toBe("Archive/P/Renamed.md");

		h.run("stop-mock-interview");
		await h.settle();
		expect(h.paths()).toEqual(["Archive/P/Renamed.md"]);
		// A note written by 0.1 gets the new properties; step 2 was never reached, so it is skipped.
		expect(frontmatter(h, "Archive/P/Renamed.md")).toMatchObject({ "step1-minutes": 3, "step2-score": "skipped" });
	});

	it("stops when the note is deleted, and writes nothing anywhere", async () => {
		fakeClock();
		const h = await loadPlugin(MlSystemDesignVault, { files: { "P/Practice.md": PRACTICE("Feed", "2026-01-20") } });
		await open(h, "P/Practice.md");
		await runAndSettle(h, "start-mock-interview");
		jest.advanceTimersByTime(2 * MIN);
		await h.app.vault.delete(h.app.vault.getFileByPath("P/Practice.md")!);
		expect(lastNotice()).toBe("The practice note \"Practice\" was deleted, so the mock interview was stopped and nothing was written.");
		expect(status(h)).toBeNull();
		expect(h.plugin.data.timer).toBeNull();
		expect(h.run("stop-mock-interview")).toBe(false);
		jest.advanceTimersByTime(10 * MIN);
		await h.settle();
		expect(h.paths()).toEqual([]);
	});

	it("does not save a self-review into a note deleted while the review is open", async () => {
		fakeClock();
		const h = await loadPlugin(MlSystemDesignVault, { files: { "P/Practice.md": PRACTICE("Feed", "2026-01-20") } });
		await open(h, "P/Practice.md");
		await runAndSettle(h, "start-mock-interview");
		jest.advanceTimersByTime(MIN);
		h.run("stop-mock-interview");
		await h.settle();
		const review = topModal();
		await h.app.vault.delete(h.app.vault.getFileByPath("P/Practice.md")!);
		click(review.contentEl, "Score the steps");
		click(review.contentEl, "Good");
		click(review.contentEl, "Save review");
		await h.settle();
		expect(lastNotice()).toBe("The practice note is gone, so the self-review was not saved.");
		expect(h.paths()).toEqual([]);
	});

	it("discards a saved interview whose note is gone, or that is unreadable", async () => {
		fakeClock();
		const gone = await loadPlugin(MlSystemDesignVault, { data: { schema: 1, welcomeDone: true, timer: STATE("P/Gone.md", NOW.getTime()) } });
		expect(Notice.history).toContain("The practice note of the saved mock interview (\"Gone\") is gone, so the timer was discarded.");
		expect(gone.plugin.data.timer).toBeNull();
		expect(gone.paths()).toEqual([]);
		const junk = await loadPlugin(MlSystemDesignVault, { data: { schema: 1, welcomeDone: true, timer: { practicePath: 42 } } });
		expect(junk.plugin.data.timer).toBeNull();
		expect(status(junk)).toBeNull();
	});
});

describe("Practise the next due case", () => {
	it("starts the most overdue case first, then introduces new cases up to the daily limit", async () => {
		const h = await installed({
			[`${PRACTICE_FOLDER}/Old.md`]: PRACTICE("Query autocomplete", "2026-01-02", "").replace("rating:\n", "rating: again\n"),
		});
		fakeClock();
		h.run("practise-next-due");
		await h.settle();
		expect(lastNotice()).toMatch(/^Review: Query autocomplete \(\d+ days overdue\)\.$/);
		expect(h.app.workspace.getActiveFile()?.path).toBe(`${PRACTICE_FOLDER}/Practice 2026-01-20 Query autocomplete.md`);

		h.run("practise-next-due");
		await h.settle();
		expect(lastNotice()).toMatch(/^New case: /);
		const before = h.paths().length;
		h.run("practise-next-due");
		await h.settle();
		expect(lastNotice()).toMatch(/^Nothing is due for review today\. Today's new case is already introduced \(1 a day/);
		expect(h.paths()).toHaveLength(before);
	});
});

describe("Open progress", () => {
	it("shows each step's scores over time as SVG, overruns, domains and three next things, and saves them as a note", async () => {
		const scored = "rating: good\nstep-scores: [2, 3, 1, 4, 3, 3, 2]\nstep-minutes: [5, 4, 9, 10, 7, 7, 5]\nstep-overrun: [0, 0, 2, 0, 0, 0, 0]\n";
		const newer = "mlsd-rating: hard\nstep3-score: 2\nstep3-minutes: 8\nstep3-overrun: 1\nstep1-score: skipped\n";
		const h = await installed({
			[`${PRACTICE_FOLDER}/A.md`]: PRACTICE("Query autocomplete", "2026-01-12").replace("rating:\n", scored),
			[`${PRACTICE_FOLDER}/B.md`]: PRACTICE("Query autocomplete", "2026-01-15").replace("rating:\n", newer),
		});
		fakeClock();
		h.plugin.data.settings.interviewDate = "2026-02-08";
		await runAndSettle(h, "open-progress");
		const leaf = h.app.workspace.getLeavesOfType("mlsd-progress")[0]!;
		expect(h.app.workspace.activeLeaf).toBe(leaf);
		const el = (leaf.view as unknown as { contentEl: HTMLElement }).contentEl;
		expect(el.querySelector(".mlsd-progress-days")?.textContent).toBe("19 days to the interview on 2026-02-08.");
		const rows = [...el.querySelectorAll(".mlsd-progress-trend .mlsd-chart-row")];
		expect(rows).toHaveLength(7);
		const step3 = rows[2]!;
		expect(step3.querySelector(".mlsd-chart-label")?.textContent).toBe("3. Data preparation");
		// Two sessions: a line from score 1 up to score 2.
		const points = step3.querySelector("polyline")!.getAttribute("points")!.split(" ").map((p) => p.split(",").map(Number));
		expect(points).toHaveLength(2);
		expect(points[1]![1]).toBeLessThan(points[0]![1]!);
		expect(step3.querySelector("svg")!.getAttribute("aria-label")).toBe("Step 3 scores: 1 on 2026-01-12, 2 on 2026-01-15");
		const over = [...el.querySelectorAll(".mlsd-progress-overruns .mlsd-chart-value")].map((e) => e.textContent);
		expect(over[2]).toBe("2 of 2 over · 1.5 min");
		expect(el.querySelector(".mlsd-progress-domains .mlsd-chart-value")?.textContent).toMatch(/^\d+ of \d+$/);
		const next = [...el.querySelectorAll(".mlsd-progress-next .setting-item-name")].map((e) => e.textContent ?? "");
		expect(next).toHaveLength(3);
		expect(next.some((t) => t.startsWith("Drill step 3 (Data preparation)"))).toBe(true);

		// "Save as note" writes the progress note, refreshes it in place, and opens it.
		click(el, "Save as note");
		await h.settle();
		const path = `${PRACTICE_FOLDER}/Progress.md`;
		expect(h.app.workspace.getActiveFile()?.path).toBe(path);
		let text = (await h.fileText(path))!;
		expect(text).toContain("2 practice sessions, 2 rated.");
		expect(text).toContain("| [[Step 3 - Data preparation]] | 1.50 | 2 |");
		expect(text).toContain("| 3. Data preparation | 1 → 2 | 2 |");
		expect(h.plugin.catalog.get().get(path)).toBeUndefined(); // not mistaken for a practice note

		await h.app.vault.create(`${PRACTICE_FOLDER}/C.md`, PRACTICE("Query autocomplete", "2026-01-19"));
		await h.settle();
		await runAndSettle(h, "open-progress");
		expect(h.app.workspace.getLeavesOfType("mlsd-progress")).toHaveLength(1);
		click((h.app.workspace.getLeavesOfType("mlsd-progress")[0]!.view as unknown as { contentEl: HTMLElement }).contentEl, "Save as note");
		await h.settle();
		text = (await h.fileText(path))!;
		expect(text).toContain("3 practice sessions, 2 rated.");
		expect(h.paths().filter((p) => p.endsWith("Progress.md"))).toEqual([path]);
		// The view is closed with the plugin.
		h.plugin.unload();
		expect(h.app.workspace.getLeavesOfType("mlsd-progress")).toHaveLength(0);
	});

	it("does not overwrite a note of the user's at that path", async () => {
		const h = await loadPlugin(MlSystemDesignVault, { files: { [`${PRACTICE_FOLDER}/Progress.md`]: "My own progress diary.\n" } });
		await runAndSettle(h, "open-progress");
		click((h.app.workspace.getLeavesOfType("mlsd-progress")[0]!.view as unknown as { contentEl: HTMLElement }).contentEl, "Save as note");
		await h.settle();
		expect(await h.fileText(`${PRACTICE_FOLDER}/Progress.md`)).toBe("My own progress diary.\n");
		expect(lastNotice()).toMatch(/is a note of yours, so it was not overwritten/);
	});
});

describe("on mobile", () => {
	it("shows the clock floating above the note, since there is no status bar, and removes it on unload", async () => {
		const { Platform } = await import("../stand-in/obsidian");
		Platform.isMobile = true;
		try {
			const h = await loadPlugin(MlSystemDesignVault, { files: { "P/Practice.md": PRACTICE("Feed", "2026-01-20") } });
			await open(h, "P/Practice.md");
			await runAndSettle(h, "start-mock-interview");
			const floating = document.body.querySelector(".mlsd-timer-floating");
			expect(floating?.textContent).toMatch(/^Step 1 · /);
			expect(h.app.statusBarEl.querySelector(".mlsd-timer")).toBeNull();
			h.run("stop-mock-interview");
			await h.settle();
			h.plugin.unload();
			expect(document.body.querySelector(".mlsd-timer-floating")).toBeNull();
		} finally {
			Platform.isMobile = false;
		}
	});
});
