/**
 * Practice loop II in the stand-in, on a fake clock: practise a chosen case
 * (whole or a partial drill), a mock that runs itself (clock and ribbon
 * advance it, auto-advance, the twist at its minute, follow-up questions, a
 * generated sound cue that is cleaned up), the interview date and today's
 * plan, and the interviewer's card in its own window.
 */
import MlSystemDesignVault from "../../src/main";
import { type Harness } from "../helpers/harness";
import { installed, topModal } from "../helpers/plugin";
import { FuzzySuggestModal, Modal, Notice, Platform, TFile } from "../stand-in/obsidian";

const MIN = 60_000;
const PRACTICE_FOLDER = "ML System Design practice";
const NOW = new Date("2026-01-20T09:00:00Z");
const FRAUD = "ML System Design/Case studies/Real-time payment fraud detection.md";

function fakeClock(): void {
	jest.useFakeTimers({
		now: NOW,
		doNotFake: ["setTimeout", "clearTimeout", "setImmediate", "clearImmediate", "nextTick", "queueMicrotask", "hrtime", "performance"],
	});
}
afterEach(() => {
	jest.useRealTimers();
});

/** Today's plan counts the flashcards (it reads the concept notes) before it renders: wait for it, a bounded number of turns. */
async function rendered(modal: Modal, selector: string): Promise<void> {
	for (let i = 0; i < 300 && !modal.contentEl.querySelector(selector); i++) await new Promise((r) => setTimeout(r, 0));
}

const statusEl = (h: Harness<MlSystemDesignVault>): HTMLElement => h.app.statusBarEl.querySelector<HTMLElement>(".mlsd-timer")!;
const status = (h: Harness<MlSystemDesignVault>): string | null => (statusEl(h).hidden ? null : statusEl(h).textContent);
const lastNotice = (): string => Notice.history.at(-1) ?? "";
const frontmatter = (h: Harness<MlSystemDesignVault>, path: string): Record<string, unknown> => h.app.metadataCache.getCache(path)?.frontmatter ?? {};
function click(el: ParentNode, text: string): void {
	const b = [...el.querySelectorAll("button")].find((x) => x.textContent === text);
	if (!b) throw new Error(`no button "${text}" in: ${[...el.querySelectorAll("button")].map((x) => x.textContent).join(", ")}`);
	b.click();
}
async function open(h: Harness<MlSystemDesignVault>, path: string): Promise<void> {
	await h.app.workspace.getLeaf(true).openFile(h.app.vault.getFileByPath(path) as TFile);
}
function toggleStep(modal: Modal, step: number, on: boolean): void {
	const row = [...modal.contentEl.querySelectorAll(".mlsd-practise-steps .setting-item")].find((r) => r.querySelector(".setting-item-name")?.textContent?.startsWith(`Step ${step} `));
	const toggle = row!.querySelector<HTMLElement>(".checkbox-container")!;
	if (toggle.classList.contains("is-enabled") !== on) toggle.click();
}

/** A Web Audio stand-in that records every node and whether it was cleaned up. */
class FakeNode {
	connected = 0;
	disconnects = 0;
	connect(): void {
		this.connected++;
	}
	disconnect(): void {
		this.disconnects++;
	}
}
class FakeOscillator extends FakeNode {
	type = "sine";
	frequency = { value: 0 };
	onended: (() => void) | null = null;
	stopped = false;
	start(): void {}
	stop(): void {
		this.stopped = true;
	}
}
class FakeAudioContext {
	static made: FakeAudioContext[] = [];
	state = "running";
	currentTime = 0;
	destination = new FakeNode();
	nodes: FakeNode[] = [];
	closed = false;
	constructor() {
		FakeAudioContext.made.push(this);
	}
	createOscillator(): FakeOscillator {
		const o = new FakeOscillator();
		this.nodes.push(o);
		return o;
	}
	createGain(): FakeNode & { gain: Record<string, (...a: number[]) => void> } {
		const g = Object.assign(new FakeNode(), { gain: { setValueAtTime: () => {}, exponentialRampToValueAtTime: () => {} } });
		this.nodes.push(g);
		return g;
	}
	resume(): Promise<void> {
		return Promise.resolve();
	}
	close(): Promise<void> {
		this.closed = true;
		this.state = "closed";
		return Promise.resolve();
	}
}

describe("Practise this case: a partial drill that runs itself", () => {
	it("drills steps 2 and 3 with auto-advance, an overrun, the twist at its minute and a follow-up, then records the rest as skipped", async () => {
		const h = await installed();
		Object.assign(h.plugin.data.settings, { twistMinute: 5, autoAdvance: true, followUps: true });
		fakeClock();
		await open(h, FRAUD);
		h.run("practise-this-case");
		const modal = topModal();
		expect(modal.titleEl.textContent).toBe("Practise: Real-time payment fraud detection");
		for (const n of [1, 4, 5, 6, 7]) toggleStep(modal, n, false);
		expect(modal.contentEl.querySelector(".mlsd-practise-summary")?.textContent).toBe("A partial drill of steps 2, 3: 11 min.");
		click(modal.contentEl, "Start mock interview");
		await h.settle();

		const note = h.app.workspace.getActiveFile()!;
		expect(note.path).toBe(`${PRACTICE_FOLDER}/Practice 2026-01-20 Real-time payment fraud detection (steps 2, 3).md`);
		const fm = frontmatter(h, note.path);
		expect(fm).toMatchObject({ "step1-score": "skipped", "step4-score": "skipped", "step7-score": "skipped", "session-date": "2026-01-20" });
		// The twist fits the case's domain, and the note links its model answer.
		const twistNote = String(fm["twist-note"]).replace(/^\[\[|\]\]$/g, "");
		const twistFits = frontmatter(h, `ML System Design/Twists/${twistNote}.md`).fits as string[];
		expect(twistFits.some((d) => d === "fraud-risk" || d === "any")).toBe(true);
		expect(await h.fileText(note.path)).toContain(`[[${twistNote}#Model answer|model answer to this twist]]`);
		expect(status(h)).toBe("Step 2 · Framing the problem as an ML task · 04:00");

		// Auto-advance: step 2's budget ends at minute 4 and step 3 begins by itself.
		jest.advanceTimersByTime(4 * MIN + 1000);
		expect(status(h)).toBe("Step 3 · Data preparation · 06:59");
		expect(Notice.history).toContain("Time is up. Step 3: Data preparation, 7 min.");
		// The twist at minute 5, as the interviewer says it; not a second earlier.
		jest.advanceTimersByTime(58 * 1000);
		expect(Notice.history.some((n) => n.startsWith("Interviewer, minute 5"))).toBe(false);
		jest.advanceTimersByTime(2 * 1000);
		const twist = Notice.history.find((n) => n.startsWith("Interviewer, minute 5: a twist"));
		expect(twist).toBe(`Interviewer, minute 5: a twist${String(fm.twist)}`);
		// A follow-up question from the case, three minutes later.
		jest.advanceTimersByTime(3 * MIN);
		expect(lastNotice()).toMatch(/^Interviewer, minute 8: a follow-up questionA merchant's integration suddenly sends 20,000 \$1 authorizations/);
		// Step 3 runs over: the last step is not ended automatically.
		jest.advanceTimersByTime(6 * MIN);
		expect(status(h)).toBe("Step 3 · Data preparation · +03:01 over");
		expect(Notice.history.filter((n) => n.startsWith("Time is up for step 3 (Data preparation). Click the clock to finish and review."))).toHaveLength(1);

		// Clicking the clock on the last step finishes and opens the review.
		statusEl(h).querySelector<HTMLElement>(".mlsd-timer-label")!.click();
		await h.settle();
		expect(status(h)).toBeNull();
		const timed = frontmatter(h, note.path);
		expect(timed).toMatchObject({ "step2-minutes": 4, "step3-minutes": 10, "step3-overrun": 3, "step1-score": "skipped", "step5-score": "skipped" });
		expect(timed).not.toHaveProperty("step2-overrun");
		const review = topModal();
		click(review.contentEl, "Score the steps");
		const skipped = [...review.contentEl.querySelectorAll(".mlsd-review-skipped .setting-item-name")].map((e) => e.textContent);
		expect(skipped).toEqual(["Step 1 · Clarifying requirements", "Step 4 · Model development", "Step 5 · Evaluation", "Step 6 · Deployment and serving", "Step 7 · Monitoring and infrastructure"]);
		click(review.contentEl, "Good");
		click(review.contentEl, "Save review");
		await h.settle();
		const saved = frontmatter(h, note.path);
		expect(saved).toMatchObject({ "mlsd-rating": "good", "step1-score": "skipped", "step4-score": "skipped" });
		expect(saved).not.toHaveProperty("step2-score");
		expect(saved).not.toHaveProperty("step3-score");
	});

	it("offers a chooser when no case is open, and with no twist notes still starts, saying why", async () => {
		const h = await installed();
		fakeClock();
		for (const f of h.app.vault.getFiles().filter((x) => x.path.includes("/Twists/"))) await h.app.vault.delete(f);
		await h.settle();
		h.run("practise-this-case");
		const chooser = topModal() as unknown as FuzzySuggestModal<unknown> & { setQuery(q: string): Promise<void>; choose(i: number): void };
		await chooser.setQuery("query autocomplete");
		chooser.choose(0);
		const modal = topModal();
		expect(modal.titleEl.textContent).toBe("Practise: Query autocomplete");
		click(modal.contentEl, "Write practice note");
		await h.settle();
		expect(Notice.history.some((n) => n.startsWith("There are no twist notes yet, so this prompt has no twist."))).toBe(true);
		const note = h.app.workspace.getActiveFile()!;
		expect(note.path).toBe(`${PRACTICE_FOLDER}/Practice 2026-01-20 Query autocomplete.md`);
		expect(frontmatter(h, note.path)).not.toHaveProperty("twist-note");
	});
});

describe("a mock started from a drawn prompt", () => {
	it("gets its twist at the set minute and the case's follow-up questions", async () => {
		const h = await installed();
		fakeClock();
		h.run("draw-prompt");
		await h.settle();
		const modal = topModal();
		const twist = modal.contentEl.querySelector(".mlsd-prompt-twist")?.textContent ?? "";
		expect(twist).toMatch(/^Twist: ./);
		click(modal.contentEl, "Start mock interview");
		await h.settle();
		const timer = h.plugin.data.timer as { cues: { kind: string; atMs: number; text: string }[] };
		expect(timer.cues[0]).toEqual({ kind: "twist", atMs: 25 * MIN, text: twist.replace(/^Twist: /, "") });
		expect(timer.cues.filter((c) => c.kind === "follow-up").length).toBeGreaterThan(0);
	});
});

describe("the clock and the ribbon icon", () => {
	it("the ribbon starts a mock on the open practice note, then advances it; with nothing open it shows today's plan", async () => {
		const h = await installed();
		fakeClock();
		const ribbon = h.app.ribbonEl.querySelector<HTMLElement>("[data-icon=timer]")!;
		expect(ribbon.getAttribute("aria-label")).toBe("Mock interview: start, or go to the next step");
		ribbon.click();
		expect(topModal().titleEl.textContent).toBe("Today's plan");
		topModal().close();

		h.run("practise-next-due");
		await h.settle();
		ribbon.click();
		await h.settle();
		expect(status(h)).toMatch(/^Step 1 · Clarifying requirements · 05:00$/);
		jest.advanceTimersByTime(MIN);
		ribbon.click();
		expect(status(h)).toMatch(/^Step 2 · /);
		// Keyboard users reach the clock too.
		statusEl(h).querySelector<HTMLElement>(".mlsd-timer-label")!.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
		expect(status(h)).toMatch(/^Step 3 · /);
		h.plugin.unload();
		expect(h.app.ribbonEl.querySelector("[data-icon=timer]")).toBeNull();
	});

	it("plays a generated sound cue when a step's time is up, and cleans up every audio node", async () => {
		const g = globalThis as unknown as { AudioContext?: unknown };
		const saved = g.AudioContext;
		g.AudioContext = FakeAudioContext;
		FakeAudioContext.made = [];
		try {
			const h = await installed();
			h.plugin.data.settings.soundCue = true;
			fakeClock();
			h.run("practise-next-due");
			await h.settle();
			await (async () => {
				h.run("start-mock-interview");
				await h.settle();
			})();
			expect(FakeAudioContext.made).toHaveLength(0); // nothing made until a cue plays
			jest.advanceTimersByTime(5 * MIN + 1000);
			expect(FakeAudioContext.made).toHaveLength(1);
			const ctx = FakeAudioContext.made[0]!;
			const oscillators = ctx.nodes.filter((n): n is FakeOscillator => n instanceof FakeOscillator);
			expect(oscillators).toHaveLength(2);
			// One tone ends by itself: its nodes are disconnected at once.
			oscillators[0]!.onended!();
			expect(ctx.nodes.filter((n) => n.disconnects > 0)).toHaveLength(2);
			// Unloading stops and disconnects the rest and closes the context.
			h.plugin.unload();
			expect(oscillators[1]!.stopped).toBe(true);
			expect(ctx.nodes.every((n) => n.disconnects > 0)).toBe(true);
			expect(ctx.closed).toBe(true);
		} finally {
			g.AudioContext = saved;
		}
	});

	it("stays silent when the sound cue is off, and does not fail where there is no Web Audio", async () => {
		const g = globalThis as unknown as { AudioContext?: unknown };
		const saved = g.AudioContext;
		FakeAudioContext.made = [];
		try {
			for (const [sound, audio] of [[false, FakeAudioContext], [true, undefined]] as const) {
				g.AudioContext = audio;
				const h = await installed();
				h.plugin.data.settings.soundCue = sound;
				fakeClock();
				h.run("practise-next-due");
				await h.settle();
				h.run("start-mock-interview");
				await h.settle();
				jest.advanceTimersByTime(6 * MIN);
				expect(lastNotice()).toMatch(/^Time is up for step 1/);
				jest.useRealTimers();
			}
			expect(FakeAudioContext.made).toHaveLength(0);
		} finally {
			g.AudioContext = saved;
		}
	});
});

describe("interview date and today's plan", () => {
	it("sets the date, target domains and anchors, and today's plan starts the anchor and counts the days", async () => {
		const h = await installed();
		fakeClock();
		h.run("set-interview-date");
		const modal = topModal();
		expect(modal.titleEl.textContent).toBe("Interview date");
		const date = modal.contentEl.querySelector<HTMLInputElement>("input.mlsd-date-input")!;
		expect(date.type).toBe("date");
		// Where the platform has no date picker, a typed date is checked.
		date.type = "text";
		date.value = "2026-02-30";
		date.dispatchEvent(new Event("input"));
		expect(modal.contentEl.querySelector(".mlsd-date-info")?.textContent).toBe("Enter a date such as 2026-03-01.");
		click(modal.contentEl, "Save");
		await h.settle();
		expect(lastNotice()).toBe("Enter the interview date as a date such as 2026-03-01.");
		date.value = "2026-02-08";
		date.dispatchEvent(new Event("input"));
		expect(modal.contentEl.querySelector(".mlsd-date-info")?.textContent).toBe("19 days from today.");
		const fraudToggle = [...modal.contentEl.querySelectorAll(".mlsd-date-domains .setting-item")].find((r) => r.querySelector(".setting-item-name")?.textContent === "fraud-risk")!;
		fraudToggle.querySelector<HTMLElement>(".checkbox-container")!.click();
		(modal as unknown as { addAnchor(c: unknown): void }).addAnchor(h.plugin.catalog.get().caseByName("Query autocomplete")!);
		expect([...modal.contentEl.querySelectorAll(".mlsd-date-anchors .setting-item-name")].map((e) => e.textContent)).toEqual(["Query autocomplete", ""]);
		click(modal.contentEl, "Save");
		await h.settle();
		expect(h.plugin.data.settings).toMatchObject({ interviewDate: "2026-02-08", targetDomains: ["fraud-risk"], anchors: ["Query autocomplete"] });
		expect(lastNotice()).toBe("Interview date saved: 2026-02-08.");

		h.run("todays-plan");
		const plan = topModal();
		await rendered(plan, ".mlsd-plan-days");
		expect(plan.contentEl.querySelector(".mlsd-plan-days")?.textContent).toBe("19");
		const items = [...plan.contentEl.querySelectorAll(".mlsd-plan-today .setting-item-name")].map((e) => e.textContent);
		expect(items[0]).toBe("Run a mock interview of Query autocomplete (new: one of your anchor cases).");
		// The flashcards due today are counted from the concept notes and the review log: today's 20 new cards.
		expect(items).toContain("Review 20 flashcards due today.");
		expect(plan.contentEl.querySelector(".mlsd-plan-cards-unknown")).toBeNull();
		expect(plan.contentEl.querySelector(".mlsd-plan-anchors")?.textContent).toMatch(/^Query autocomplete: 0 sessions so far, \d+ planned before the interview$/);
		click(plan.contentEl, "Start mock interview");
		await h.settle();
		expect(h.app.workspace.getActiveFile()?.path).toBe(`${PRACTICE_FOLDER}/Practice 2026-01-20 Query autocomplete.md`);
		expect(status(h)).toMatch(/^Step 1 · /);
	});

	it("without a date, asks for one first", async () => {
		const h = await installed();
		h.run("todays-plan");
		const plan = topModal();
		await rendered(plan, ".mlsd-plan-days-label");
		expect(plan.contentEl.querySelector(".mlsd-plan-days-label")?.textContent).toBe("No interview date set.");
		click(plan.contentEl, "Set interview date");
		expect(topModal().titleEl.textContent).toBe("Interview date");
	});
});

describe("Open interviewer card", () => {
	it("opens in its own window for the running mock's case, with answers, hints, follow-ups in order, the twist and red flags", async () => {
		const h = await installed();
		fakeClock();
		await open(h, FRAUD);
		h.run("practise-this-case");
		click(topModal().contentEl, "Start mock interview");
		await h.settle();
		const practice = h.app.workspace.getActiveFile()!;
		h.run("open-interviewer-card");
		await h.settle();
		const leaf = h.app.workspace.getLeavesOfType("mlsd-interviewer-card")[0]!;
		expect(leaf.paneType).toBe("window");
		const view = leaf.view as unknown as { contentEl: HTMLElement; getDisplayText(): string; getState(): Record<string, unknown> };
		expect(view.getDisplayText()).toBe("Interviewer card: Real-time payment fraud detection");
		const el = view.contentEl;
		const summaries = [...el.querySelectorAll(":scope > details > summary")].map((s) => s.textContent);
		expect(summaries[0]).toBe("Answers to clarifying questions");
		expect(summaries).toEqual(expect.arrayContaining(["Follow-up questions, in order", "What a strong answer contains, step by step", "Red flags"]));
		expect(summaries.some((s) => s?.startsWith("Twist: Twist - "))).toBe(true);
		expect(el.querySelector(".mlsd-card-prompt p")?.textContent).toBe(String(frontmatter(h, practice.path).prompt));
		const questions = [...el.querySelectorAll(".mlsd-card-question")].map((q) => q.textContent);
		expect(questions[0]).toMatch(/20,000 \$1 authorizations/);
		expect(el.querySelector(".mlsd-card-twist-answer")?.textContent).toMatch(/Model answer\./);
		expect(el.querySelectorAll(".mlsd-card-step")).toHaveLength(7);
		// The state survives a reload of the workspace.
		expect(view.getState()).toMatchObject({ casePath: FRAUD, twistNote: expect.stringMatching(/^Twist - /) });
		// A second card reuses the same window.
		h.run("open-interviewer-card");
		await h.settle();
		expect(h.app.workspace.getLeavesOfType("mlsd-interviewer-card")).toHaveLength(1);
	});

	it("on mobile opens in a pane, and without an open case offers a chooser", async () => {
		Platform.isDesktopApp = false;
		try {
			const h = await installed();
			h.run("open-interviewer-card");
			const chooser = topModal() as unknown as { setQuery(q: string): Promise<void>; choose(i: number): void };
			await chooser.setQuery("query autocomplete");
			chooser.choose(0);
			await h.settle();
			const leaf = h.app.workspace.getLeavesOfType("mlsd-interviewer-card")[0]!;
			expect(leaf.paneType).toBe("split");
			expect((leaf.view as unknown as { getDisplayText(): string }).getDisplayText()).toBe("Interviewer card: Query autocomplete");
		} finally {
			Platform.isDesktopApp = true;
		}
	});
});
