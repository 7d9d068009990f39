/**
 * "Today's plan": the days left, the mock interview to run, the cases due,
 * the new cases to start, the flashcards due, the anchors, and the days ahead
 * until the interview. Each item starts what it names. The numbers come from
 * src/core/plan.ts, the same as `mlsd plan`.
 */
import { Modal, Notice, Setting } from "obsidian";
import { localDate } from "../../core/dates";
import { todaysPlan, type StudyPlan, type TodayItem } from "../../core/plan";
import { interviewPlanOf } from "../../core/settings";
import type { CatalogService } from "../CatalogService";
import type { PluginHost } from "../host";
import { startPractice } from "../practice";
import { drawFor } from "./actions";
import { cardsDueToday } from "./cards";
import { InterviewDateModal } from "./InterviewDateModal";
import { beginMock } from "./mock";
import { practiseThisCase } from "./PractiseModal";
import type { TimerService } from "./TimerService";

/** How many of the coming days with sessions the plan lists. */
const AHEAD = 7;

export async function currentPlan(host: PluginHost, catalog: CatalogService): Promise<StudyPlan> {
	const { settings } = host.data;
	return todaysPlan(catalog.get(), {
		today: localDate(),
		plan: interviewPlanOf(settings),
		newPerDay: settings.newCasesPerDay,
		domain: settings.promptFilters.domain,
		cardsDue: await cardsDueToday(host, catalog),
	});
}

export class TodayPlanModal extends Modal {
	plan!: StudyPlan;

	constructor(private readonly host: PluginHost, private readonly catalog: CatalogService, private readonly timer: TimerService | null) {
		super(host.app);
	}

	async onOpen(): Promise<void> {
		this.setTitle("Today's plan");
		this.modalEl.addClass("mlsd-plan-modal");
		this.catalog.announceSkipped();
		// The flashcard count reads the concept notes and the review log; everything else is from the catalog.
		this.plan = await currentPlan(this.host, this.catalog);
		this.render(this.plan);
	}

	onClose(): void {
		this.contentEl.empty();
	}

	private render(p: StudyPlan): void {
		const el = this.contentEl;
		const head = el.createDiv({ cls: "mlsd-plan-head" });
		if (p.interviewDate && p.daysLeft !== null && p.daysLeft >= 0) {
			head.createDiv({ cls: "mlsd-plan-days", text: String(p.daysLeft) });
			head.createDiv({ cls: "mlsd-plan-days-label", text: `${p.daysLeft === 1 ? "day" : "days"} to your interview on ${p.interviewDate}` });
		} else head.createDiv({ cls: "mlsd-plan-days-label", text: p.interviewDate ? `Your interview date (${p.interviewDate}) has passed.` : "No interview date set." });
		if (p.domain) head.createDiv({ cls: "mlsd-plan-filter", text: `Only ${p.domain} cases (the domain filter of "Draw a random interview prompt").` });

		el.createEl("h3", { text: "Today" });
		const today = el.createDiv({ cls: "mlsd-plan-today" });
		for (const item of p.today) this.renderItem(today, item);
		if (p.cardsDue === null) today.createDiv({ cls: "mlsd-plan-cards-unknown", text: "Flashcards due: not counted yet." });

		if (p.anchors.length > 0) {
			el.createEl("h3", { text: "Anchor cases" });
			const list = el.createEl("ul", { cls: "mlsd-plan-anchors" });
			for (const a of p.anchors) {
				list.createEl("li", { text: `${a.case}: ${a.sessions} session${a.sessions === 1 ? "" : "s"} so far, ${a.planned} planned${p.interviewDate ? " before the interview" : ""}${a.found ? "" : " (not found)"}` });
			}
		}

		const ahead = p.schedule.filter((d) => d.date > p.date && (d.reviews.length > 0 || d.newCases.length > 0)).slice(0, AHEAD);
		if (ahead.length > 0) {
			el.createEl("h3", { text: "Coming up" });
			el.createEl("p", { cls: "mlsd-plan-note", text: "Assuming each session is rated good; a harder session brings its case back sooner." });
			const list = el.createEl("ul", { cls: "mlsd-plan-ahead" });
			for (const d of ahead) {
				const parts = [...d.reviews, ...d.newCases.map((c) => `${c} (new)`)];
				list.createEl("li", { text: `${d.date}: ${parts.join(", ")}` });
			}
		}
		for (const n of p.notes) el.createEl("p", { cls: "mlsd-plan-warning", text: n });
	}

	private renderItem(el: HTMLElement, item: TodayItem): void {
		const s = new Setting(el).setName(item.text).setClass(`mlsd-plan-item-${item.kind}`);
		if (item.kind === "set-date") s.addButton((b) => b.setButtonText("Set interview date").onClick(() => this.setDate()));
		if (item.kind === "mock" && item.case) {
			const name = item.case;
			s.addButton((b) => b.setButtonText("Choose steps").onClick(() => this.choose(name)));
			if (this.timer) s.addButton((b) => b.setButtonText("Start mock interview").setCta().onClick(() => void this.startMock(name)));
		}
		if ((item.kind === "review" || item.kind === "new") && item.case) {
			const name = item.case;
			s.addButton((b) => b.setButtonText("Practise").onClick(() => this.choose(name)));
		}
	}

	private setDate(): void {
		this.close();
		new InterviewDateModal(this.host, this.catalog, () => new TodayPlanModal(this.host, this.catalog, this.timer).open()).open();
	}

	private choose(caseName: string): void {
		const c = this.catalog.get().caseByName(caseName);
		this.close();
		practiseThisCase(this.host, this.catalog, this.timer, c ?? null);
	}

	/** Writes the practice note for the plan's mock and starts the clock (what "Start mock interview" does). */
	async startMock(caseName: string): Promise<void> {
		const c = this.catalog.get().caseByName(caseName);
		if (!c) {
			new Notice(`"${caseName}" is no longer a case study in this vault.`);
			return;
		}
		if (this.timer?.active) {
			new Notice("A mock interview is already running. Stop it before starting another.");
			return;
		}
		this.close();
		const draw = await drawFor(this.host, this.catalog, c);
		const path = await startPractice(this.host, this.catalog, draw);
		if (path && this.timer) await beginMock(this.host, this.catalog, this.timer, path, { caseName: draw.caseName, twist: draw.twist, drill: null });
	}
}
