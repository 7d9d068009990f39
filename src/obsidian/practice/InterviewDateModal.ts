/**
 * "Set interview date": the date, the domains the user is interviewing for,
 * and up to five anchor cases (the ones to know cold). The schedule brings
 * every practised case back before the date, and the anchors at least twice.
 */
import { Modal, Notice, Setting } from "obsidian";
import type { CaseRecord } from "../../core/catalog";
import { localDate } from "../../core/dates";
import { daysBetween } from "../../core/prompt";
import { MAX_ANCHORS, validDate } from "../../core/settings";
import { DOMAINS } from "../../core/types";
import type { CatalogService } from "../CatalogService";
import { CaseSuggestModal } from "../CaseSuggestModal";
import type { PluginHost } from "../host";

export class InterviewDateModal extends Modal {
	private date: string;
	private domains: Set<string>;
	private anchors: string[];
	private anchorsEl!: HTMLElement;
	private dateInfoEl!: HTMLElement;

	constructor(private readonly host: PluginHost, private readonly catalog: CatalogService, private readonly onSaved: (() => void) | null = null) {
		super(host.app);
		const s = host.data.settings;
		this.date = s.interviewDate ?? "";
		this.domains = new Set(s.targetDomains);
		this.anchors = [...s.anchors];
	}

	onOpen(): void {
		this.setTitle("Interview date");
		this.modalEl.addClass("mlsd-date-modal");
		const { contentEl } = this;
		new Setting(contentEl).setName("Interview date").setDesc("Every case you practise comes back before this day.").addText((t) => {
			t.inputEl.type = "date";
			t.inputEl.addClass("mlsd-date-input");
			t.setValue(this.date).onChange((v) => {
				this.date = v.trim();
				this.showDateInfo();
			});
		});
		this.dateInfoEl = contentEl.createDiv({ cls: "mlsd-date-info" });
		this.showDateInfo();

		new Setting(contentEl).setName("Target domains").setDesc("New cases are introduced from these domains first, after your anchors.").setHeading();
		const domains = contentEl.createDiv({ cls: "mlsd-date-domains" });
		const present = new Set(this.catalog.get().cases().map((c) => c.domain.toLowerCase()));
		const all = [...new Set([...DOMAINS.filter((d) => present.has(d)), ...[...present].sort(), ...this.domains])];
		for (const d of all) {
			const count = this.catalog.get().cases().filter((c) => c.domain.toLowerCase() === d).length;
			new Setting(domains).setName(d).setDesc(`${count} case${count === 1 ? "" : "s"}`).addToggle((t) => t.setValue(this.domains.has(d)).onChange((v) => {
				if (v) this.domains.add(d);
				else this.domains.delete(d);
			}));
		}

		new Setting(contentEl).setName("Anchor cases").setDesc(`Up to ${MAX_ANCHORS} cases to know cold: introduced first and practised at least twice before the date.`).setHeading();
		this.anchorsEl = contentEl.createDiv({ cls: "mlsd-date-anchors" });
		this.renderAnchors();

		new Setting(contentEl).setClass("mlsd-date-buttons")
			.addButton((b) => b.setButtonText("Clear the date").onClick(() => {
				this.date = "";
				void this.save();
			}))
			.addButton((b) => b.setButtonText("Save").setCta().onClick(() => void this.save()));
	}

	onClose(): void {
		this.contentEl.empty();
	}

	private showDateInfo(): void {
		const d = validDate(this.date);
		if (this.date === "") this.dateInfoEl.setText("No date: reviews follow the usual spacing.");
		else if (!d) this.dateInfoEl.setText("Enter a date such as 2026-03-01.");
		else {
			const left = daysBetween(localDate(), d);
			this.dateInfoEl.setText(left < 0 ? "That date has passed." : left === 0 ? "That is today." : `${left} day${left === 1 ? "" : "s"} from today.`);
		}
	}

	private renderAnchors(): void {
		const el = this.anchorsEl;
		el.empty();
		this.anchors.forEach((name, i) => {
			const found = this.catalog.get().caseByName(name);
			new Setting(el).setName(found?.name ?? name).setDesc(found ? `${found.domain} · ${found.difficulty}` : "Not found in this vault").addButton((b) => b.setButtonText("Remove").onClick(() => {
				this.anchors.splice(i, 1);
				this.renderAnchors();
			}));
		});
		if (this.anchors.length < MAX_ANCHORS) {
			new Setting(el).addButton((b) => b.setButtonText("Add an anchor case").onClick(() => this.chooseAnchor()));
		}
	}

	private chooseAnchor(): void {
		const taken = new Set(this.anchors.map((a) => a.toLowerCase()));
		const cases = this.catalog.get().cases().filter((c) => c.prompts.length > 0 && !taken.has(c.name.toLowerCase()));
		new CaseSuggestModal(this.app, cases, (c) => this.addAnchor(c as CaseRecord), false).open();
	}

	/** Adds a case as an anchor (what choosing one in the list does). */
	addAnchor(c: CaseRecord): void {
		if (this.anchors.length >= MAX_ANCHORS || this.anchors.some((a) => a.toLowerCase() === c.name.toLowerCase())) return;
		this.anchors.push(c.name);
		this.renderAnchors();
	}

	/** Validates and saves; the date may be empty (no date). */
	async save(): Promise<void> {
		const date = this.date === "" ? null : validDate(this.date);
		if (this.date !== "" && !date) {
			new Notice("Enter the interview date as a date such as 2026-03-01.");
			return;
		}
		const s = this.host.data.settings;
		s.interviewDate = date;
		s.targetDomains = [...this.domains];
		s.anchors = [...this.anchors];
		await this.host.save();
		new Notice(date ? `Interview date saved: ${date}.` : "Interview date cleared.");
		this.close();
		this.onSaved?.();
	}
}
