/**
 * `mlsd progress <folder> [--json] [--today YYYY-MM-DD]`: the practice
 * dashboard of a vault folder, as the progress note's Markdown or as JSON.
 */
import { promises as fs } from "fs";
import { localDate } from "../core/dates";
import { validDate } from "../core/settings";
import { progressMarkdown, progressSummary } from "../core/progress";
import { loadTemplate } from "../generated/vaultTemplate";
import { UsageError, type Args, type CommandSpec } from "./args";
import { stringifyYaml } from "./frontmatter";
import { loadFolderCatalog } from "./vaultCatalog";

async function folderArg(path: string | undefined): Promise<string> {
	if (!path) throw new UsageError("Name a folder.");
	const stat = await fs.stat(path).catch(() => null);
	if (!stat?.isDirectory()) throw new Error(`"${path}" is not a folder.`);
	return path;
}

function todayArg(value: string | undefined): string {
	if (value === undefined) return localDate();
	if (validDate(value) !== value) throw new UsageError(`--today must be a real date such as 2026-01-31; "${value}" is not one.`);
	return value;
}

async function progress(args: Args, out: (s: string) => void, err: (s: string) => void): Promise<number> {
	const folder = await folderArg(args.positionals[0]);
	const today = todayArg(args.get("today"));
	const fc = await loadFolderCatalog(folder, loadTemplate());
	const summary = progressSummary(fc.catalog, fc.texts, today);
	if (args.has("json")) {
		out(JSON.stringify(summary, null, 2));
		return 0;
	}
	for (const s of summary.skipped) err(`skipped ${s.path}: ${s.problems.join("; ")}`);
	out(progressMarkdown(summary, stringifyYaml).trimEnd());
	return 0;
}

export const progressCommand: CommandSpec = {
	name: "progress",
	summary: "Print the practice dashboard (sessions, step scores, weakest steps, reviews due) from the practice notes.",
	positionals: [{ name: "folder", description: "a folder of notes that holds your practice notes" }],
	options: {
		json: { type: "boolean", description: "Print JSON instead of Markdown." },
		today: { type: "string", value: "YYYY-MM-DD", description: "Compute what is due as of this date (default today)." },
	},
	run: (args, io) => progress(args, io.out, io.err),
};
