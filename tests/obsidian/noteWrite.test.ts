/** Writes into a note go through its editor when it is open in the active view, and through Vault.process otherwise. */
import { processNote } from "../../src/obsidian/noteWrite";
import { App, MarkdownView, type TFile } from "../stand-in/obsidian";

async function vaultWith(text: string): Promise<{ app: App; file: TFile }> {
	const app = new App();
	const file = await app.vault.create("Practice.md", text);
	return { app, file };
}

describe("processNote", () => {
	it("edits the open note through its editor: only the changed range, the cursor above it kept, unsaved typing kept, then saved", async () => {
		const { app, file } = await vaultWith("---\ntype: practice\n---\n# Practice\n\n## Your answer\n\n- \n");
		await app.workspace.getLeaf(true).openFile(file);
		const view = app.workspace.getActiveViewOfType(MarkdownView)!;
		// The user typed an answer that Obsidian has not saved yet.
		view.editor.replaceRange("two towers", { line: 7, ch: 2 });
		view.editor.setCursor({ line: 3, ch: 4 });
		let processed = false;
		const original = app.vault.process.bind(app.vault);
		app.vault.process = async (f, fn) => ((processed = true), original(f, fn));
		await processNote(app as never, file as never, (text) => `${text}\n## Timing\n\n| Step | Minutes |\n`);
		expect(processed).toBe(false);
		expect(view.editor.getValue()).toBe("---\ntype: practice\n---\n# Practice\n\n## Your answer\n\n- two towers\n\n## Timing\n\n| Step | Minutes |\n");
		expect(view.editor.getCursor()).toEqual({ line: 3, ch: 4 });
		expect(await app.vault.read(file)).toBe(view.editor.getValue());
	});

	it("uses Vault.process when the note is not the active view's", async () => {
		const { app, file } = await vaultWith("a\n");
		const other = await app.vault.create("Other.md", "b\n");
		await app.workspace.getLeaf(true).openFile(other);
		await processNote(app as never, file as never, (t) => `${t}c\n`);
		expect(await app.vault.read(file)).toBe("a\nc\n");
		expect(app.workspace.getActiveViewOfType(MarkdownView)!.editor.getValue()).toBe("b\n");
	});

	it("changes nothing when the text stays the same", async () => {
		const { app, file } = await vaultWith("same\n");
		await app.workspace.getLeaf(true).openFile(file);
		const before = file.stat.mtime;
		await processNote(app as never, file as never, (t) => t);
		expect(file.stat.mtime).toBe(before);
	});
});
