/**
 * Settings: where notes go and how practice runs. Obsidian 1.13+ renders the
 * tab from getSettingDefinitions() (searchable, with its folder picker and
 * number inputs); 1.10-1.12 call display(), the imperative tab. Both are built
 * from the same tables and check every value with the same core rules (the
 * path policy of src/core/paths.ts, the ranges of src/core/settings.ts), so a
 * rejected value shows the same message on either.
 */
import { PluginSettingTab, requireApiVersion, Setting, type SettingDefinition, type SettingDefinitionItem, type TFolder } from "obsidian";
import { validateFolderSetting } from "../core/paths";
import { checkNumberSetting, DEFAULT_SETTINGS, NUMBER_RANGES, type NumberSettingKey, type Settings } from "../core/settings";
import type { CatalogService } from "./CatalogService";
import type { PluginHost } from "./host";
import { InterviewDateModal } from "./practice/InterviewDateModal";

type FolderKey = keyof Pick<Settings, "installFolder" | "practiceFolder" | "personalFolder">;
type NumberKey = NumberSettingKey;
type ToggleKey = keyof Pick<Settings, "autoAdvance" | "soundCue" | "followUps">;

const NUMBERS: { key: NumberKey; name: string; desc: string; min: number; max: number }[] = [
	{ key: "mockMinutes", name: "Mock interview length", desc: "Minutes for a mock interview; each step's budget scales to it.", min: NUMBER_RANGES.mockMinutes[0], max: NUMBER_RANGES.mockMinutes[1] },
	{ key: "newCasesPerDay", name: "New cases per day", desc: "How many never-practised cases \"Practise the next due case\" may introduce in a day.", min: NUMBER_RANGES.newCasesPerDay[0], max: NUMBER_RANGES.newCasesPerDay[1] },
	{ key: "newCardsPerDay", name: "New flashcards per day", desc: "How many never-reviewed flashcards a review session may introduce in a day; cards already in review are always shown when due.", min: NUMBER_RANGES.newCardsPerDay[0], max: NUMBER_RANGES.newCardsPerDay[1] },
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

function checkNumber(key: NumberKey, raw: unknown): { value?: number; error?: string } {
	const checked = checkNumberSetting(key, raw);
	return "error" in checked ? { error: checked.error } : { value: checked.value };
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

	/** Obsidian 1.13+: the tab as definitions. Empty before 1.13, so display() renders it there. */
	getSettingDefinitions(): SettingDefinitionItem[] {
		if (!requireApiVersion("1.13.0")) return [];
		const configDir = this.app.vault.configDir;
		const folders: SettingDefinitionItem[] = FOLDERS.map(({ key, name, desc }) => ({
			name,
			desc,
			control: {
				type: "folder" as const,
				key,
				placeholder: DEFAULT_SETTINGS[key],
				// The picker offers only folders the path policy accepts (no hidden or config folders, not the root).
				filter: (folder: TFolder) => "folder" in validateFolderSetting(folder.path, configDir),
				validate: (value: string) => this.checkFolder(value).error,
			},
		}));
		const numbers: SettingDefinition[] = NUMBERS.map(({ key, name, desc, min, max }) => ({
			name,
			desc,
			control: { type: "number" as const, key, min, max, step: 1, defaultValue: DEFAULT_SETTINGS[key], validate: (value: number) => checkNumber(key, value).error },
		}));
		const toggles: SettingDefinition[] = TOGGLES.map(({ key, name, desc }) => ({ name, desc, control: { type: "toggle" as const, key } }));
		const plan: SettingDefinition = {
			name: "Interview date, domains and anchors",
			desc: planText(this.host.data.settings),
			// update() re-reads the definitions, so the summary shows the new plan.
			action: () => this.openPlan(() => {
				if (requireApiVersion("1.13.0")) this.update();
			}),
		};
		return [...folders, { type: "group" as const, heading: "Practice", items: [plan, ...numbers, ...toggles] }];
	}

	getControlValue(key: string): unknown {
		return this.host.data.settings[key as FolderKey | NumberKey | ToggleKey];
	}

	/** Saves a value from a declarative control, checked again here: nothing invalid reaches data.json. */
	async setControlValue(key: string, value: unknown): Promise<void> {
		const toggle = TOGGLES.find((t) => t.key === key);
		if (toggle) {
			this.host.data.settings[toggle.key] = value === true;
			await this.host.save();
			return;
		}
		const number = NUMBERS.find((n) => n.key === key);
		if (number) {
			const checked = checkNumber(number.key, value);
			if (checked.value === undefined) return;
			this.host.data.settings[number.key] = checked.value;
			await this.host.save();
			return;
		}
		const folder = FOLDERS.find((f) => f.key === key);
		if (!folder) return;
		const checked = this.checkFolder(String(value));
		if (checked.folder === undefined) return;
		this.host.data.settings[folder.key] = checked.folder;
		await this.host.save();
	}

	/** Obsidian 1.10-1.12 (1.13 renders the definitions instead): the imperative tab. */
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
				const checked = checkNumber(n.key, value);
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
