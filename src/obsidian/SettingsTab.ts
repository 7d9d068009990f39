/**
 * Settings: where notes go. Every folder is checked before it is saved.
 * Obsidian 1.13+ uses getSettingDefinitions() (searchable settings); older
 * versions call display(). Both are built from the same FOLDERS table.
 */
import { PluginSettingTab, Setting, type SettingDefinition, type SettingDefinitionItem } from "obsidian";
import { validateFolderSetting } from "../core/paths";
import { DEFAULT_SETTINGS, NUMBER_RANGES, type Settings } from "../core/settings";
import type { CatalogService } from "./CatalogService";
import type { PluginHost } from "./host";
import { InterviewDateModal } from "./practice/InterviewDateModal";

type FolderKey = keyof Pick<Settings, "installFolder" | "practiceFolder" | "personalFolder">;
type NumberKey = keyof Pick<Settings, "mockMinutes" | "newCasesPerDay" | "twistMinute">;
type ToggleKey = keyof Pick<Settings, "autoAdvance" | "soundCue" | "followUps">;

const NUMBERS: { key: NumberKey; name: string; desc: string; min: number; max: number }[] = [
	{ key: "mockMinutes", name: "Mock interview length", desc: "Minutes for a mock interview; each step's budget scales to it.", min: NUMBER_RANGES.mockMinutes[0], max: NUMBER_RANGES.mockMinutes[1] },
	{ key: "newCasesPerDay", name: "New cases per day", desc: "How many never-practised cases \"Practise the next due case\" may introduce in a day.", min: NUMBER_RANGES.newCasesPerDay[0], max: NUMBER_RANGES.newCasesPerDay[1] },
	{ key: "twistMinute", name: "Twist at minute", desc: "When the interviewer adds the twist in a mock interview; 0 leaves it folded in the practice note for you to open.", min: NUMBER_RANGES.twistMinute[0], max: NUMBER_RANGES.twistMinute[1] },
];

const TOGGLES: { key: ToggleKey; name: string; desc: string }[] = [
	{ key: "autoAdvance", name: "Move on when a step's time is up", desc: "The mock interview goes to the next step by itself at the end of each budget." },
	{ key: "soundCue", name: "Sound cue", desc: "A short tone when a step's time is up or the interviewer speaks." },
	{ key: "followUps", name: "Follow-up questions during mocks", desc: "The case's follow-up questions come up over the last part of a mock interview, as an interviewer would ask them." },
];

function planText(s: Settings): string {
	const parts = [s.interviewDate ? `Interview on ${s.interviewDate}` : "No interview date"];
	if (s.targetDomains.length > 0) parts.push(`domains: ${s.targetDomains.join(", ")}`);
	if (s.anchors.length > 0) parts.push(`anchors: ${s.anchors.join(", ")}`);
	return `${parts.join("; ")}.`;
}

function checkNumber(raw: string, min: number, max: number): { value?: number; error?: string } {
	const n = Number(raw);
	if (raw.trim() === "" || !Number.isInteger(n) || n < min || n > max) return { error: `Enter a whole number from ${min} to ${max}.` };
	return { value: n };
}

const FOLDERS: { key: FolderKey; name: string; desc: string }[] = [
	{ key: "installFolder", name: "Notes folder", desc: "Where the shipped notes are installed. Run \"Install or update notes\" after changing it." },
	{ key: "practiceFolder", name: "Practice folder", desc: "Where practice sessions are written." },
	{ key: "personalFolder", name: "Personal notes folder", desc: "Where new case studies, concepts and checklist items you create are written." },
];

export class SettingsTab extends PluginSettingTab {
	constructor(private readonly host: PluginHost, private readonly catalog: CatalogService | null = null) {
		super(host.app, host.plugin);
	}

	private openPlan(after: () => void): void {
		if (this.catalog) new InterviewDateModal(this.host, this.catalog, after).open();
	}

	getSettingDefinitions(): SettingDefinitionItem[] {
		const folders: SettingDefinitionItem[] = FOLDERS.map(({ key, name, desc }) => ({
			name,
			desc,
			control: {
				type: "text" as const,
				key,
				placeholder: DEFAULT_SETTINGS[key],
				validate: (value: string) => this.checkFolder(value).error,
			},
		}));
		const numbers: SettingDefinition[] = NUMBERS.map(({ key, name, desc, min, max }) => ({
			name,
			desc,
			control: { type: "text" as const, key, validate: (value: string) => checkNumber(String(value), min, max).error },
		}));
		const toggles: SettingDefinition[] = TOGGLES.map(({ key, name, desc }) => ({ name, desc, control: { type: "toggle" as const, key } }));
		const plan: SettingDefinition = {
			name: "Interview date, domains and anchors",
			desc: planText(this.host.data.settings),
			// Definitions are only used from Obsidian 1.13, which has update(); it re-reads the summary.
			action: () => this.openPlan(() => (this as unknown as { update?: () => void }).update?.()),
		};
		return [...folders, { type: "group" as const, heading: "Practice", items: [plan, ...numbers, ...toggles] }];
	}

	getControlValue(key: string): unknown {
		const v = this.host.data.settings[key as FolderKey | NumberKey | ToggleKey];
		return typeof v === "number" ? String(v) : v;
	}

	async setControlValue(key: string, value: unknown): Promise<void> {
		const toggle = TOGGLES.find((t) => t.key === key);
		if (toggle) {
			this.host.data.settings[toggle.key] = value === true;
			await this.host.save();
			return;
		}
		const number = NUMBERS.find((n) => n.key === key);
		if (number) {
			const checked = checkNumber(String(value), number.min, number.max);
			if (checked.value === undefined) return;
			this.host.data.settings[number.key] = checked.value;
			await this.host.save();
			return;
		}
		const checked = this.checkFolder(String(value));
		if (checked.folder === undefined) return;
		this.host.data.settings[key as FolderKey] = checked.folder;
		await this.host.save();
	}

	display(): void {
		this.renderLegacy();
	}

	/** The tab for Obsidian before 1.13, built imperatively from the same tables. */
	private renderLegacy(): void {
		const { containerEl } = this;
		containerEl.empty();
		for (const f of FOLDERS) this.folderSetting(f.key, f.name, f.desc);
		new Setting(containerEl).setName("Practice").setHeading();
		new Setting(containerEl).setName("Interview date, domains and anchors").setDesc(planText(this.host.data.settings))
			.addButton((b) => b.setButtonText("Change").onClick(() => this.openPlan(() => this.renderLegacy())));
		for (const n of NUMBERS) this.numberSetting(n);
		for (const t of TOGGLES) {
			new Setting(containerEl).setName(t.name).setDesc(t.desc).addToggle((toggle) => toggle.setValue(this.host.data.settings[t.key]).onChange(async (v) => {
				this.host.data.settings[t.key] = v;
				await this.host.save();
			}));
		}
	}

	private numberSetting(n: (typeof NUMBERS)[number]): void {
		const setting = new Setting(this.containerEl).setName(n.name).setDesc(n.desc);
		const error = setting.descEl.createDiv({ cls: "mlsd-setting-error" });
		setting.addText((text) => {
			text.inputEl.type = "number";
			text.setValue(String(this.host.data.settings[n.key])).onChange(async (value) => {
				const checked = checkNumber(value, n.min, n.max);
				error.setText(checked.error ?? "");
				if (checked.value === undefined) return;
				this.host.data.settings[n.key] = checked.value;
				await this.host.save();
			});
		});
	}

	private checkFolder(value: string): { folder?: string; error?: string } {
		const checked = validateFolderSetting(value, this.app.vault.configDir);
		return "error" in checked ? { error: checked.error } : { folder: checked.folder };
	}

	private folderSetting(key: FolderKey, name: string, desc: string): void {
		const setting = new Setting(this.containerEl).setName(name).setDesc(desc);
		const error = setting.descEl.createDiv({ cls: "mlsd-setting-error" });
		setting.addText((text) => {
			text.setPlaceholder(DEFAULT_SETTINGS[key]).setValue(this.host.data.settings[key]);
			text.onChange(async (value) => {
				const checked = this.checkFolder(value);
				error.setText(checked.error ?? "");
				if (checked.folder === undefined) return;
				this.host.data.settings[key] = checked.folder;
				await this.host.save();
			});
		});
	}
}
