/**
 * "Open progress": a view with each step's scores over time as a small SVG
 * line chart (built with createSvg), overruns per step, coverage by domain,
 * the days to the interview, what is due, and the three next things to do,
 * each with a button that starts it. "Save as note" writes the same numbers
 * into the progress note in the practice folder.
 */
import { ItemView, Notice, Setting, type WorkspaceLeaf } from "obsidian";
import { barWidth, polyline, scorePoints, scoreY, type Box } from "../../core/charts";
import { stepTitle } from "../../core/checklist";
import type { NextAction, ProgressSummary } from "../../core/progress";
import type { CatalogService } from "../CatalogService";
import type { PluginHost } from "../host";
import { currentProgress, writeProgress } from "./actions";
import { InterviewDateModal } from "./InterviewDateModal";
import { practiseThisCase } from "./PractiseModal";
import type { TimerService } from "./TimerService";

export const PROGRESS_VIEW = "mlsd-progress";

const SPARK: Box = { width: 220, height: 52, pad: 6 };
const BAR_WIDTH = 160;
/** How many sessions a step's chart shows (the most recent). */
const RECENT = 20;

export class ProgressView extends ItemView {
	summary: ProgressSummary | null = null;
	private renderId = 0;

	constructor(leaf: WorkspaceLeaf, private readonly host: PluginHost, private readonly catalog: CatalogService, private readonly timer: TimerService | null) {
		super(leaf);
		this.icon = "line-chart";
	}

	getViewType(): string {
		return PROGRESS_VIEW;
	}

	getDisplayText(): string {
		return "Practice progress";
	}

	async onOpen(): Promise<void> {
		this.contentEl.addClass("mlsd-progress-view");
		await this.refresh();
	}

	async onClose(): Promise<void> {
		this.contentEl.empty();
	}

	/** Recomputes the numbers from the practice notes and redraws. */
	async refresh(): Promise<void> {
		const id = ++this.renderId;
		const summary = await currentProgress(this.host, this.catalog);
		if (id !== this.renderId) return;
		this.summary = summary;
		this.draw(summary);
	}

	private draw(s: ProgressSummary): void {
		const el = this.contentEl;
		el.empty();
		const head = el.createDiv({ cls: "mlsd-progress-head" });
		head.createEl("h2", { text: "Practice progress" });
		head.createDiv({ cls: "mlsd-progress-days", text: daysText(s) });
		head.createDiv({ cls: "mlsd-progress-sessions", text: `${s.sessions} session${s.sessions === 1 ? "" : "s"}, ${s.rated} rated.` });
		new Setting(head).setClass("mlsd-progress-buttons")
			.addButton((b) => b.setButtonText("Refresh").onClick(() => void this.refresh()))
			.addButton((b) => b.setButtonText("Save as note").onClick(() => void writeProgress(this.host, this.catalog)));

		el.createEl("h3", { text: "Next three things" });
		const next = el.createDiv({ cls: "mlsd-progress-next" });
		if (s.next.length === 0) next.createEl("p", { text: "Nothing stands out: draw a prompt and run a mock interview." });
		for (const n of s.next) this.renderAction(next, n);

		el.createEl("h3", { text: "Step scores over time" });
		const trend = el.createDiv({ cls: "mlsd-progress-trend" });
		if (s.trend.length === 0) trend.createEl("p", { text: "No step has a score yet. Finish a mock interview and score it in the self-review." });
		for (const t of s.trend) {
			const row = trend.createDiv({ cls: "mlsd-chart-row" });
			row.createDiv({ cls: "mlsd-chart-label", text: `${t.step}. ${stepTitle(t.name)}` });
			const recent = t.points.slice(-RECENT);
			this.sparkline(row, recent.map((p) => p.score), `Step ${t.step} scores: ${recent.map((p) => `${p.score} on ${p.date}`).join(", ")}`);
			row.createDiv({ cls: "mlsd-chart-value", text: `latest ${recent[recent.length - 1]!.score}` });
		}

		el.createEl("h3", { text: "Overruns per step" });
		const over = el.createDiv({ cls: "mlsd-progress-overruns" });
		if (s.overruns.length === 0) over.createEl("p", { text: "No timed sessions yet." });
		const maxOver = Math.max(1, ...s.overruns.map((o) => o.averageOver));
		for (const o of s.overruns) {
			const row = over.createDiv({ cls: "mlsd-chart-row" });
			row.createDiv({ cls: "mlsd-chart-label", text: `${o.step}. ${stepTitle(o.name)}` });
			this.bar(row, o.averageOver, maxOver, "mlsd-bar-over", `Step ${o.step}: ${o.averageOver} min over on average`);
			row.createDiv({ cls: "mlsd-chart-value", text: o.over === 0 ? `on time in ${o.timed} of ${o.timed}` : `${o.over} of ${o.timed} over · ${o.averageOver.toFixed(1)} min` });
		}

		el.createEl("h3", { text: "Coverage by domain" });
		const cov = el.createDiv({ cls: "mlsd-progress-domains" });
		if (s.domains.length === 0) cov.createEl("p", { text: "No case studies yet." });
		for (const d of s.domains) {
			const row = cov.createDiv({ cls: "mlsd-chart-row" });
			row.createDiv({ cls: "mlsd-chart-label", text: d.target ? `${d.domain} (target)` : d.domain });
			this.bar(row, d.practised, d.cases, d.target ? "mlsd-bar-target" : "mlsd-bar-domain", `${d.domain}: ${d.practised} of ${d.cases} practised`, true);
			row.createDiv({ cls: "mlsd-chart-value", text: `${d.practised} of ${d.cases}` });
		}

		const due = s.due.filter((d) => d.overdueDays >= -7);
		if (due.length > 0) {
			el.createEl("h3", { text: "Reviews in the next week" });
			const list = el.createEl("ul", { cls: "mlsd-progress-due" });
			for (const d of due) list.createEl("li", { text: `${d.case}: ${d.overdueDays > 0 ? `${d.overdueDays} days overdue` : d.overdueDays === 0 ? "due today" : `due ${d.due}`}` });
		}
	}

	private sparkline(el: HTMLElement, scores: number[], label: string): void {
		const svg = el.createSvg("svg", { cls: "mlsd-spark", attr: { viewBox: `0 0 ${SPARK.width} ${SPARK.height}`, width: SPARK.width, height: SPARK.height, role: "img", "aria-label": label } });
		for (const score of [1, 2, 3, 4]) {
			const y = scoreY(score, SPARK);
			svg.createSvg("line", { cls: "mlsd-spark-grid", attr: { x1: SPARK.pad, x2: SPARK.width - SPARK.pad, y1: y, y2: y } });
		}
		const points = scorePoints(scores, SPARK);
		if (points.length > 1) svg.createSvg("polyline", { cls: "mlsd-spark-line", attr: { points: polyline(points), fill: "none" } });
		for (const p of points) svg.createSvg("circle", { cls: "mlsd-spark-dot", attr: { cx: p.x, cy: p.y, r: 2.5 } });
	}

	private bar(el: HTMLElement, value: number, max: number, cls: string, label: string, track = false): void {
		const svg = el.createSvg("svg", { cls: "mlsd-bar", attr: { viewBox: `0 0 ${BAR_WIDTH} 14`, width: BAR_WIDTH, height: 14, role: "img", "aria-label": label } });
		if (track) svg.createSvg("rect", { cls: "mlsd-bar-track", attr: { x: 0, y: 2, width: BAR_WIDTH, height: 10, rx: 2 } });
		svg.createSvg("rect", { cls: `mlsd-bar-fill ${cls}`, attr: { x: 0, y: 2, width: barWidth(value, max, BAR_WIDTH), height: 10, rx: 2 } });
	}

	private renderAction(el: HTMLElement, n: NextAction): void {
		const s = new Setting(el).setName(n.text).setClass(`mlsd-next-${n.kind}`);
		if (n.kind === "review" || n.kind === "new") {
			const name = n.case;
			s.addButton((b) => b.setButtonText("Practise").onClick(() => practiseThisCase(this.host, this.catalog, this.timer, this.catalog.get().caseByName(name) ?? null)));
		} else if (n.kind === "drill" || n.kind === "timing") {
			const step = n.step;
			s.addButton((b) => b.setButtonText(`Drill step ${step}`).onClick(() => practiseThisCase(this.host, this.catalog, this.timer, null, [step])));
		} else if (n.kind === "set-date") {
			s.addButton((b) => b.setButtonText("Set interview date").onClick(() => new InterviewDateModal(this.host, this.catalog, () => void this.refresh()).open()));
		} else if (n.kind === "cards") {
			s.setDesc("Run the flashcard review.");
		}
	}
}

function daysText(s: ProgressSummary): string {
	if (s.interviewDate === null || s.daysLeft === null) return "No interview date set.";
	if (s.daysLeft < 0) return `The interview date (${s.interviewDate}) has passed.`;
	return s.daysLeft === 0 ? "The interview is today." : `${s.daysLeft} day${s.daysLeft === 1 ? "" : "s"} to the interview on ${s.interviewDate}.`;
}

/** Opens (or reveals and refreshes) the progress view in a tab. */
export async function openProgressView(host: PluginHost): Promise<ProgressView | null> {
	const { workspace } = host.app;
	const existing = workspace.getLeavesOfType(PROGRESS_VIEW)[0];
	try {
		if (existing) {
			await workspace.revealLeaf(existing);
			const view = existing.view as ProgressView;
			await view.refresh();
			return view;
		}
		const leaf = workspace.getLeaf(true);
		await leaf.setViewState({ type: PROGRESS_VIEW, active: true });
		return leaf.view as ProgressView;
	} catch (e) {
		new Notice(`Could not open the progress view: ${e instanceof Error ? e.message : String(e)}`);
		return null;
	}
}
