/**
 * The settings tab on both paths: Obsidian 1.13+ renders it from
 * getSettingDefinitions() (folder and number controls), 1.10-1.12 call
 * display(). The same core rules check every value on both, with the same
 * messages, and nothing rejected is saved.
 */
import MlSystemDesignVault from "../../src/main";
import { loadPlugin, type Harness } from "../helpers/harness";
import { openSettingTab, setApiVersion, type PluginSettingTab } from "../stand-in/obsidian";

const FOLDER = "ML System Design";
const NAMES = [
	"Notes folder", "Practice folder", "Personal notes folder", "Practice", "Interview date, domains and anchors", "Mock interview length", "New cases per day", "New flashcards per day",
	"Twist at minute", "Move on when a step's time is up", "Sound cue", "Follow-up questions during mocks",
];

afterEach(() => setApiVersion("1.13.1"));

async function shownTab(version: string, files: Record<string, string> = {}): Promise<{ h: Harness<MlSystemDesignVault>; tab: PluginSettingTab }> {
	setApiVersion(version);
	const h = await loadPlugin(MlSystemDesignVault, { files });
	const tab = h.app.settingTabs[0]!;
	await openSettingTab(tab);
	return { h, tab };
}

const row = (tab: PluginSettingTab, name: string): HTMLElement =>
	[...tab.containerEl.querySelectorAll<HTMLElement>(".setting-item")].find((r) => r.querySelector(".setting-item-name")?.textContent === name)!;

async function type(h: Harness<MlSystemDesignVault>, tab: PluginSettingTab, name: string, value: string): Promise<string> {
	const r = row(tab, name);
	const input = r.querySelector("input")!;
	input.value = value;
	input.dispatchEvent(new Event("input"));
	await h.settle();
	return r.querySelector(".mlsd-setting-error, .setting-item-error")?.textContent ?? "";
}

describe("settings on Obsidian 1.13 (declarative)", () => {
	it("renders from definitions, with folder pickers and number inputs, and does not call display()", async () => {
		setApiVersion("1.13.0");
		const h = await loadPlugin(MlSystemDesignVault);
		const tab = h.app.settingTabs[0]!;
		const display = jest.spyOn(tab, "display");
		await openSettingTab(tab);
		expect(display).not.toHaveBeenCalled();
		expect(tab.shownDeclaratively).toBe(true);
		expect([...tab.containerEl.querySelectorAll(".setting-item-name")].map((e) => e.textContent)).toEqual(NAMES);
		expect(row(tab, "Notes folder").dataset.control).toBe("folder");
		expect(row(tab, "Notes folder").querySelector("input")!.value).toBe(FOLDER);
		const minutes = row(tab, "Mock interview length").querySelector("input")!;
		expect(row(tab, "Mock interview length").dataset.control).toBe("number");
		expect([minutes.type, minutes.min, minutes.max, minutes.value]).toEqual(["number", "10", "180", "45"]);
	});

	it("rejects '../x' and a hidden folder inline, saves a good folder", async () => {
		const { h, tab } = await shownTab("1.13.1");
		expect(await type(h, tab, "Notes folder", "../x")).toMatch(/points outside the vault/);
		expect(await type(h, tab, "Practice folder", ".obsidian/x")).toMatch(/hidden or configuration folder/);
		expect(h.plugin.data.settings.installFolder).toBe(FOLDER);
		expect(h.plugin.data.settings.practiceFolder).toBe(`${FOLDER} practice`);
		expect(await type(h, tab, "Notes folder", "Prep/ML")).toBe("");
		expect(h.plugin.data.settings.installFolder).toBe("Prep/ML");
		const saved = JSON.parse((await h.app.vault.adapter.read(".obsidian/plugins/ml-system-design-vault/data.json")) as string) as { settings: { installFolder: string } };
		expect(saved.settings.installFolder).toBe("Prep/ML");
	});

	it("offers only folders the path policy accepts in the folder picker", async () => {
		const { h, tab } = await shownTab("1.13.1", { "Prep/Notes.md": "x", ".hidden/a.md": "x", "CON/a.md": "x" });
		const input = row(tab, "Practice folder").querySelector("input")!;
		input.value = "";
		input.dispatchEvent(new Event("focus"));
		const offered = [...row(tab, "Practice folder").querySelectorAll(".suggestion-item")].map((e) => e.textContent);
		expect(offered).toContain("Prep");
		expect(offered).not.toContain(".hidden");
		expect(offered).not.toContain("CON");
		expect(offered).not.toContain("/");
		[...row(tab, "Practice folder").querySelectorAll<HTMLElement>(".suggestion-item")].find((e) => e.textContent === "Prep")!.click();
		await h.settle();
		expect(h.plugin.data.settings.practiceFolder).toBe("Prep");
	});

	it("keeps numbers in their ranges", async () => {
		const { h, tab } = await shownTab("1.13.1");
		expect(await type(h, tab, "Mock interview length", "5")).toBe("Enter a whole number from 10 to 180.");
		expect(await type(h, tab, "Mock interview length", "45.5")).toBe("Enter a whole number from 10 to 180.");
		expect(h.plugin.data.settings.mockMinutes).toBe(45);
		expect(await type(h, tab, "Mock interview length", "60")).toBe("");
		expect(h.plugin.data.settings.mockMinutes).toBe(60);
		expect(await type(h, tab, "New cases per day", "21")).toBe("Enter a whole number from 0 to 20.");
		expect(h.plugin.data.settings.newCasesPerDay).not.toBe(21);
	});

	it("shows a stored value that breaks the rules when the tab opens, without changing it", async () => {
		setApiVersion("1.13.1");
		const h = await loadPlugin(MlSystemDesignVault);
		h.plugin.data.settings.practiceFolder = "../escaped";
		const tab = h.app.settingTabs[0]!;
		await openSettingTab(tab);
		expect(row(tab, "Practice folder").querySelector(".setting-item-error")!.textContent).toMatch(/points outside the vault/);
		expect(h.plugin.data.settings.practiceFolder).toBe("../escaped");
	});

	it("never saves an invalid value handed straight to setControlValue", async () => {
		const { h, tab } = await shownTab("1.13.1");
		await tab.setControlValue("installFolder", "../x");
		await tab.setControlValue("mockMinutes", 1000);
		await tab.setControlValue("newCasesPerDay", 3);
		expect(h.plugin.data.settings.installFolder).toBe(FOLDER);
		expect(h.plugin.data.settings.mockMinutes).toBe(45);
		expect(h.plugin.data.settings.newCasesPerDay).toBe(3);
	});
});

describe("settings on Obsidian 1.12 (the imperative tab)", () => {
	it("has no definitions, so display() renders the same settings", async () => {
		const { tab } = await shownTab("1.12.7");
		expect(tab.getSettingDefinitions()).toEqual([]);
		expect(tab.shownDeclaratively).toBe(false);
		expect([...tab.containerEl.querySelectorAll(".setting-item-name")].map((e) => e.textContent)).toEqual(NAMES);
	});

	it("rejects '../x' and out-of-range numbers with the messages 1.13 shows, and saves good values", async () => {
		const { h, tab } = await shownTab("1.12.7");
		const legacy = [await type(h, tab, "Notes folder", "../x"), await type(h, tab, "Mock interview length", "5"), await type(h, tab, "Practice folder", ".obsidian/x")];
		expect(h.plugin.data.settings.installFolder).toBe(FOLDER);
		expect(h.plugin.data.settings.mockMinutes).toBe(45);
		expect(await type(h, tab, "Notes folder", "Prep/ML")).toBe("");
		expect(await type(h, tab, "Mock interview length", "60")).toBe("");
		expect([h.plugin.data.settings.installFolder, h.plugin.data.settings.mockMinutes]).toEqual(["Prep/ML", 60]);

		const modern = await shownTab("1.13.1");
		const declarative = [
			await type(modern.h, modern.tab, "Notes folder", "../x"), await type(modern.h, modern.tab, "Mock interview length", "5"),
			await type(modern.h, modern.tab, "Practice folder", ".obsidian/x"),
		];
		expect(legacy).toEqual(declarative);
		expect(legacy[0]).toMatch(/points outside the vault/);
	});
});
