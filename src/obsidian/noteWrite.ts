/**
 * Writing into a note the user may have open. When the note is in the active
 * Markdown view, the change goes through its Editor (as the Obsidian
 * guidelines ask): only the changed range is replaced, so the cursor, the
 * selection and undo history outside it survive, and nothing the user typed
 * but Obsidian has not saved yet is overwritten. Otherwise the file is
 * changed with Vault.process, atomically against other writers.
 */
import { MarkdownView, type App, type Editor, type TFile } from "obsidian";

/** Replaces only the part of the editor's text that differs between `before` and `after`. */
function replaceChanged(editor: Editor, before: string, after: string): void {
	let start = 0;
	while (start < before.length && start < after.length && before[start] === after[start]) start++;
	let endBefore = before.length;
	let endAfter = after.length;
	while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
		endBefore--;
		endAfter--;
	}
	const pos = (offset: number): { line: number; ch: number } => {
		const head = before.slice(0, offset).split("\n");
		return { line: head.length - 1, ch: head[head.length - 1]!.length };
	};
	editor.replaceRange(after.slice(start, endAfter), pos(start), pos(endBefore));
}

/** Applies `transform` to a note's text: through its editor when it is open in the active view, else through Vault.process. */
export async function processNote(app: App, file: TFile, transform: (text: string) => string): Promise<void> {
	const view = app.workspace.getActiveViewOfType(MarkdownView);
	if (view && view.file === file) {
		const before = view.editor.getValue();
		const after = transform(before);
		if (after === before) return;
		replaceChanged(view.editor, before, after);
		// Saved now, so a property change that follows (processFrontMatter) starts from this text.
		await view.save();
		return;
	}
	await app.vault.process(file, transform);
}
