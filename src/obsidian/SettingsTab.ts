/**
 * Settings: where notes go. Every folder is checked before it is saved.
 * Obsidian 1.13+ uses getSettingDefinitions() (searchable settings); older
 * versions call display(). Both are built from the same FOLDERS table.
 */
import { PluginSettingTab, Setting, type SettingDefinition, type SettingDefinitionItem } from "obsidian";
import { validateFolderSetting } from "../core/paths";
import { DEFAULT_SETTINGS, NUMBER_RANGES, type Settings } from "../core/settings";
import type { PluginHost } from "./host";

type FolderKey = keyof Pick<Settings, "installFolder" | "practiceFolder" | "personalFolder">;
type NumberKey = keyof Pick<Settings, "mockMinutes" | "newCasesPerDay">;

const NUMBERS: { key: NumberKey; name: string; desc: string; min: number; max: number }[] = [
	{ key: "mockMinutes", name: "Mock interview length", desc: "Minutes for a mock interview; each step's budget scales to it.", min: NUMBER_RANGES.mockMinutes[0], max: NUMBER_RANGES.mockMinutes[1] },
	{ key: "newCasesPerDay", name: "New cases per day", desc: "How many never-practised cases \"Practise the next due case\" may introduce in a day.", min: NUMBER_RANGES.newCasesPerDay[0], max: NUMBER_RANGES.newCasesPerDay[1] },
];

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
	constructor(private readonly host: PluginHost) {
		super(host.app, host.plugin);
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
		return [...folders, { type: "group" as const, heading: "Practice", items: numbers }];
	}

	getControlValue(key: string): unknown {
		const v = this.host.data.settings[key as FolderKey | NumberKey];
		return typeof v === "number" ? String(v) : v;
	}

	async setControlValue(key: string, value: unknown): Promise<void> {
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
		const { containerEl } = this;
		containerEl.empty();
		for (const f of FOLDERS) this.folderSetting(f.key, f.name, f.desc);
		new Setting(containerEl).setName("Practice").setHeading();
		for (const n of NUMBERS) this.numberSetting(n);
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
