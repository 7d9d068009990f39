/** Shared steps of the plugin's command tests: a vault with the shipped notes installed, the top modal, a generated checklist. */
import MlSystemDesignVault from "../../src/main";
import { Modal, type SuggestModal } from "../stand-in/obsidian";
import { loadPlugin, type Harness } from "./harness";

/** The plugin loaded into a vault holding `files`, with the shipped notes installed. */
export async function installed(files: Record<string, string> = {}, data?: unknown): Promise<Harness<MlSystemDesignVault>> {
	const h = await loadPlugin(MlSystemDesignVault, { files, ...(data === undefined ? {} : { data }) });
	h.run("install-notes");
	await h.settle();
	return h;
}

/** The modal opened last. */
export function topModal<T extends Modal = Modal>(): T {
	return Modal.open.at(-1) as T;
}

/** Runs a command that opens a chooser, types `query` and picks the first match. */
export async function runAndChoose(h: Harness<MlSystemDesignVault>, command: string, query: string): Promise<void> {
	h.run(command);
	await h.settle();
	const chooser = topModal<SuggestModal<unknown>>();
	await chooser.setQuery(query);
	chooser.choose(0);
	await h.settle();
}

/** "Generate design checklist" for any problem; returns the new note's text. */
export async function genericChecklist(h: Harness<MlSystemDesignVault>): Promise<string> {
	await runAndChoose(h, "generate-checklist", "generic");
	return h.app.vault.read(h.app.workspace.getActiveFile()!);
}
