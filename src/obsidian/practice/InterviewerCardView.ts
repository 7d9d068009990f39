/**
 * "Open interviewer card": for practising with a partner, in its own window
 * (desktop) or pane (mobile), so the candidate does not see it. For the case
 * of the running mock, the open practice note or the open case study: the
 * prompt to read out, answers to the clarifying questions, hints, the
 * follow-up questions in order, the twist with its model answer, what a
 * strong answer contains at each step, and the red flags. Everything comes
 * from the notes (src/core/interviewerCard.ts), rendered as Markdown.
 */
import { ItemView, MarkdownRenderer, Notice, Platform, type App, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import { interviewerCard, withTwistNote, type InterviewerCard } from "../../core/interviewerCard";
import { linkTargetOf } from "../../core/schema";
import { TWIST_NOTE } from "../../core/session";
import { stepTitle } from "../../core/checklist";
import type { CatalogService } from "../CatalogService";
import { CaseSuggestModal } from "../CaseSuggestModal";
import type { PluginHost } from "../host";
import type { TimerService } from "./TimerService";
import { outlinedNote, readOutlined } from "../outline";

export const INTERVIEWER_CARD_VIEW = "mlsd-interviewer-card";

/** What the card is for; kept in the view's state so it survives a reload. */
export interface CardTarget {
	casePath: string;
	prompt?: string | null;
	twist?: string | null;
	twistNote?: string | null;
}

function isTarget(v: unknown): v is CardTarget {
	return typeof v === "object" && v !== null && typeof (v as { casePath?: unknown }).casePath === "string";
}

export class InterviewerCardView extends ItemView {
	private target: CardTarget | null = null;
	/** Bumped on every render, so a slow render never overwrites a newer one. */
	private renderId = 0;

	constructor(leaf: WorkspaceLeaf, private readonly catalog: CatalogService) {
		super(leaf);
		this.icon = "user-check";
	}

	getViewType(): string {
		return INTERVIEWER_CARD_VIEW;
	}

	getDisplayText(): string {
		const c = this.target ? this.catalog.get().get(this.target.casePath) : undefined;
		return c ? `Interviewer card: ${c.name}` : "Interviewer card";
	}

	getState(): Record<string, unknown> {
		return this.target ? { ...this.target } : {};
	}

	async setState(state: unknown, result: ViewStateResult): Promise<void> {
		if (isTarget(state)) this.target = state;
		await super.setState(state, result);
		await this.render();
	}

	async onOpen(): Promise<void> {
		this.contentEl.addClass("mlsd-card-view");
		await this.render();
	}

	async onClose(): Promise<void> {
		this.contentEl.empty();
	}

	/** Renders the card for the current target. */
	async render(): Promise<void> {
		const id = ++this.renderId;
		const card = await this.build();
		if (id !== this.renderId) return;
		const el = this.contentEl;
		el.empty();
		if (!card) {
			el.createEl("p", { cls: "mlsd-card-empty", text: "Open a case study or a practice note, then open the interviewer card again." });
			return;
		}
		await this.draw(el, card, this.target!.casePath);
	}

	private async build(): Promise<InterviewerCard | null> {
		const t = this.target;
		if (!t) return null;
		const text = await readOutlined(this.app, t.casePath);
		if (text === null) return null;
		const name = this.catalog.get().get(t.casePath)?.name ?? t.casePath.replace(/^.*\//, "").replace(/\.md$/, "");
		let card = interviewerCard({
			caseName: name,
			caseText: text,
			prompt: t.prompt ?? null,
			steps: this.catalog.get().steps().map((s) => ({ step: s.step, name: s.name })),
			twist: t.twist ? { name: t.twistNote ?? "Twist", text: t.twist } : null,
		});
		if (t.twistNote) {
			const file = this.app.metadataCache.getFirstLinkpathDest(t.twistNote, t.casePath);
			if (file) card = withTwistNote(card, file.basename, outlinedNote(this.app, file, await this.app.vault.cachedRead(file)));
		}
		return card;
	}

	private async md(el: HTMLElement, markdown: string, source: string): Promise<void> {
		await MarkdownRenderer.render(this.app, markdown, el, source, this);
	}

	private async draw(el: HTMLElement, card: InterviewerCard, source: string): Promise<void> {
		el.createEl("h2", { cls: "mlsd-card-title", text: card.caseName });
		el.createEl("p", { cls: "mlsd-card-warning", text: "For the interviewer only: keep this window away from the candidate." });
		if (card.prompt) {
			const ask = el.createDiv({ cls: "mlsd-card-section mlsd-card-prompt" });
			ask.createEl("h3", { text: "Ask" });
			ask.createEl("p", { text: card.prompt });
		}
		const section = (title: string, cls: string, open: boolean): HTMLElement => {
			const d = el.createEl("details", { cls: `mlsd-card-section ${cls}` });
			d.open = open;
			d.createEl("summary", { text: title });
			return d.createDiv({ cls: "mlsd-card-body" });
		};
		const clarifying = section("Answers to clarifying questions", "mlsd-card-clarifying", true);
		if (card.clarifying) await this.md(clarifying, card.clarifying, source);
		else clarifying.createEl("p", { text: "The case has no section of clarifying questions." });

		const hints = section(card.hintSource === "plan" ? "Hints when the candidate is stuck (the 45-minute plan)" : "Hints when the candidate is stuck", "mlsd-card-hints", true);
		if (card.hints.length === 0) hints.createEl("p", { text: "The case has neither a 45-minute plan nor a checklist." });
		else await this.md(hints, card.hints.map((h, i) => `${i + 1}. ${h}`).join("\n"), source);

		const follow = section("Follow-up questions, in order", "mlsd-card-followups", true);
		if (card.followUps.length === 0) follow.createEl("p", { text: "The case lists no follow-up questions." });
		const list = follow.createEl("ol", { cls: "mlsd-card-followup-list" });
		for (const f of card.followUps) {
			const li = list.createEl("li");
			li.createDiv({ cls: "mlsd-card-question", text: f.question });
			if (f.answer) {
				const a = li.createEl("details", { cls: "mlsd-card-answer" });
				a.createEl("summary", { text: "What a good answer says" });
				await this.md(a.createDiv(), f.answer, source);
			}
		}

		if (card.twist) {
			const twist = section(`Twist: ${card.twist.name}`, "mlsd-card-twist", true);
			twist.createEl("p", { cls: "mlsd-card-twist-text", text: card.twist.text });
			if (card.twist.whatChanges) await this.md(twist.createDiv({ cls: "mlsd-card-twist-changes" }), `**What changes.** ${card.twist.whatChanges}`, source);
			if (card.twist.modelAnswer) await this.md(twist.createDiv({ cls: "mlsd-card-twist-answer" }), `**Model answer.** ${card.twist.modelAnswer}`, source);
		}

		const strong = section("What a strong answer contains, step by step", "mlsd-card-steps", false);
		for (const s of card.steps) {
			const d = strong.createEl("details", { cls: "mlsd-card-step" });
			d.createEl("summary", { text: `Step ${s.step}: ${stepTitle(s.name)}` });
			if (s.markdown) await this.md(d.createDiv(), s.markdown, source);
			else d.createEl("p", { text: `The case has no "${s.section}" section.` });
		}

		const red = section("Red flags", "mlsd-card-redflags", true);
		if (card.redFlags) await this.md(red, card.redFlags, source);
		else red.createEl("p", { text: "The case lists no pitfalls." });
	}
}

/** The card's target from the running mock, the open practice note or the open case study. */
function targetFromOpenNotes(host: PluginHost, catalog: CatalogService, timer: TimerService | null): CardTarget | null {
	const { app } = host;
	const paths = [timer?.active?.practicePath, app.workspace.getActiveFile()?.path].filter((p): p is string => !!p);
	for (const path of paths) {
		const record = catalog.get().get(path);
		if (record?.type === "case-study") return { casePath: path };
		const file = app.vault.getFileByPath(path);
		const fm = file ? app.metadataCache.getFileCache(file)?.frontmatter : undefined;
		if (!fm || typeof fm.case !== "string") continue;
		const c = catalog.get().caseByName(linkTargetOf(fm.case));
		if (!c) continue;
		const twistNote = typeof fm[TWIST_NOTE] === "string" ? linkTargetOf(fm[TWIST_NOTE]) : null;
		return {
			casePath: c.path,
			prompt: typeof fm.prompt === "string" ? fm.prompt : null,
			twist: typeof fm.twist === "string" ? fm.twist : null,
			twistNote,
		};
	}
	return null;
}

/** Opens (or reuses) the card in its own window on desktop, its own pane elsewhere. */
export async function showInterviewerCard(app: App, target: CardTarget): Promise<WorkspaceLeaf> {
	const existing = app.workspace.getLeavesOfType(INTERVIEWER_CARD_VIEW)[0];
	const leaf = existing ?? app.workspace.getLeaf(Platform.isDesktopApp ? "window" : "split");
	await leaf.setViewState({ type: INTERVIEWER_CARD_VIEW, state: { ...target }, active: true });
	await app.workspace.revealLeaf(leaf);
	return leaf;
}

/** "Open interviewer card": for the running mock, the open practice note or case, else a case chosen from a list. */
export async function openInterviewerCard(host: PluginHost, catalog: CatalogService, timer: TimerService | null): Promise<void> {
	const target = targetFromOpenNotes(host, catalog, timer);
	if (target) {
		await showInterviewerCard(host.app, target);
		return;
	}
	const cases = catalog.get().cases();
	if (cases.length === 0) {
		new Notice("There are no case studies yet. Install the notes or write a case study first.");
		return;
	}
	new CaseSuggestModal(host.app, cases, (c) => {
		if (c !== "generic") void showInterviewerCard(host.app, { casePath: c.path });
	}, false).open();
}
