import { Modal, Notice } from "../stand-in/obsidian";
import MlSystemDesignVault from "../../src/main";
import { loadTemplate } from "../../src/generated/vaultTemplate";

const TEMPLATE = loadTemplate();
import { loadPlugin } from "../helpers/harness";

const FOLDER = "ML System Design";

describe("Install or update notes (plugin command in the stand-in)", () => {
	it("registers its commands without default hotkeys and installs every shipped file", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		const cmd = h.app.commands.commands["ml-system-design-vault:install-notes"];
		expect(cmd?.name).toBe("ML System Design Vault: Install or update notes");
		expect(cmd?.hotkeys).toBeUndefined();
		expect(h.run("install-notes")).toBe(true);
		await h.settle();
		const installed = h.paths().filter((p) => p.startsWith(`${FOLDER}/`));
		expect(installed).toHaveLength(TEMPLATE.files.length);
		const first = TEMPLATE.files[0]!;
		expect(await h.fileText(`${FOLDER}/${first.path}`)).toBe(first.content);
		expect(Notice.history.at(-1)).toMatch(new RegExp(`created ${TEMPLATE.files.length}`, "i"));
		// The record is saved with the plugin's data.
		const saved = JSON.parse(await h.app.vault.adapter.read(".obsidian/plugins/ml-system-design-vault/data.json"));
		expect(Object.keys(saved.install.files)).toHaveLength(TEMPLATE.files.length);
	});

	it("is a no-op the second time and never overwrites an edited note", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		h.run("install-notes");
		await h.settle();
		const target = `${FOLDER}/${TEMPLATE.files[0]!.path}`;
		await h.app.vault.modify(h.app.vault.getFileByPath(target)!, "my own words");
		const before = h.app.vault.readCount;
		h.run("install-notes");
		await h.settle();
		expect(await h.fileText(target)).toBe("my own words");
		expect(Notice.history.at(-1)).toMatch(/kept 1 you edited/i);
		expect(Modal.open.some((m) => m.contentEl.textContent?.includes(target))).toBe(true);
		expect(h.app.vault.readCount).toBeGreaterThan(before);
	});

	it("leaves a user's own note at a shipped path untouched", async () => {
		const path = `${FOLDER}/${TEMPLATE.files[0]!.path}`;
		const h = await loadPlugin(MlSystemDesignVault, { files: { [path]: "mine" } });
		h.run("install-notes");
		await h.settle();
		expect(await h.fileText(path)).toBe("mine");
		expect(Notice.history.at(-1)).toMatch(/skipped 1/i);
	});

	it("refuses a folder outside the vault with a clear notice, writing nothing", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		h.plugin.data.settings.installFolder = "../elsewhere";
		h.run("install-notes");
		await h.settle();
		expect(h.paths()).toEqual([]);
		expect(Notice.history.at(-1)).toMatch(/points outside the vault/);
	});

	it("checks folder settings loaded from disk and says which one it reset", async () => {
		const h = await loadPlugin(MlSystemDesignVault, { data: { schema: 1, welcomeDone: true, settings: { installFolder: "..\\..\\x", practiceFolder: "/abs", personalFolder: ".obsidian/mine" } } });
		expect(Notice.history[0]).toMatch(/installFolder.*points outside the vault/);
		expect(Notice.history[0]).toMatch(/practiceFolder.*absolute path/);
		expect(Notice.history[0]).toMatch(/personalFolder.*hidden or configuration folder/);
		expect(h.plugin.data.settings.installFolder).toBe(FOLDER);
		h.run("install-notes");
		await h.settle();
		expect(h.paths().every((p) => p.startsWith(`${FOLDER}/`))).toBe(true);
	});

	it("isolates a failed write: names the note, completes the rest, and the next run finishes it", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		let n = 0;
		let failedPath = "";
		h.app.vault.fault = (op, path) => (op === "create" && ++n === 10 ? new Error(`ENOSPC writing ${(failedPath = path)}`) : null);
		h.run("install-notes");
		await h.settle();
		expect(Notice.history.at(-1)).toMatch(new RegExp(`Created ${TEMPLATE.files.length - 1}, could not write 1`));
		const report = Modal.open.at(-1)!;
		expect(report.contentEl.querySelector(".mlsd-report-failed")!.textContent).toBe(`${failedPath}: ENOSPC writing ${failedPath}`);
		report.close();
		h.app.vault.fault = null;
		h.run("install-notes");
		await h.settle();
		expect(h.paths().filter((p) => p.startsWith(FOLDER))).toHaveLength(TEMPLATE.files.length);
		expect(Notice.history.at(-1)).toMatch(/Created 1\./);
	});

	it("warns and falls back to defaults on a corrupt data file", async () => {
		await loadPlugin(MlSystemDesignVault, { data: "garbage" });
		expect(Notice.history[0]).toMatch(/not readable/);
	});

	it("never writes over a data file from a newer version", async () => {
		const newer = { schema: 99, settings: { installFolder: "Prep" }, install: { folder: "Prep", files: { "A.md": "h" } } };
		const h = await loadPlugin(MlSystemDesignVault, { data: newer });
		expect(Notice.history[0]).toMatch(/newer version/);
		expect(Modal.open).toHaveLength(0); // no welcome offer
		h.run("install-notes");
		await h.settle();
		expect(h.paths()).toEqual([]);
		expect(Notice.history.at(-1)).toMatch(/Update the plugin first/);
		await h.plugin.save();
		expect(JSON.parse(await h.app.vault.adapter.read(".obsidian/plugins/ml-system-design-vault/data.json"))).toEqual(newer);
	});

	it("keeps a data file that is not valid JSON before using defaults", async () => {
		const h = await loadPlugin(MlSystemDesignVault, { rawData: "{ not json" });
		expect(Notice.history[0]).toMatch(/could not be read.*data\.json\.unreadable/);
		expect(await h.app.vault.adapter.read(".obsidian/plugins/ml-system-design-vault/data.json.unreadable")).toBe("{ not json");
	});

	it("refuses a second install while one runs", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		h.run("install-notes");
		h.run("install-notes");
		await h.settle();
		expect(Notice.history).toContain("An install is already running. Wait for it to finish.");
	});

	it("cleans up its commands on unload", async () => {
		const h = await loadPlugin(MlSystemDesignVault);
		h.plugin.unload();
		expect(Object.keys(h.app.commands.commands)).toEqual([]);
	});
});
