/**
 * Settings: where notes go. Every folder is checked before it is saved.
 * Obsidian 1.13+ uses getSettingDefinitions() (searchable settings); older
 * versions call display(). Both are built from the same FOLDERS table.
 */
import { PluginSettingTab, Setting, type SettingDefinitionItem } from "obsidian";
import { validateFolderSetting } from "../core/paths";
import { DEFAULT_SETTINGS, type Settings } from "../core/settings";
import type { PluginHost } from "./host";

type FolderKey = keyof Pick<Settings, "installFolder" | "practiceFolder" | "personalFolder">;

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
		return FOLDERS.map(({ key, name, desc }) => ({
			name,
			desc,
			control: {
				type: "text" as const,
				key,
				placeholder: DEFAULT_SETTINGS[key],
				validate: (value: string) => this.checkFolder(value).error,
			},
		}));
	}

	getControlValue(key: string): unknown {
		return this.host.data.settings[key as FolderKey];
	}

	async setControlValue(key: string, value: unknown): Promise<void> {
		const checked = this.checkFolder(String(value));
		if (checked.folder === undefined) return;
		this.host.data.settings[key as FolderKey] = checked.folder;
		await this.host.save();
	}

	display(): void {
		const { containerEl } = this;
		containerEl.empty();
		for (const f of FOLDERS) this.folderSetting(f.key, f.name, f.desc);
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
