/**
 * `mlsd progress <folder> [--json] [--today YYYY-MM-DD]`: the practice
 * dashboard of a vault folder, as the progress note's Markdown or as JSON.
 */
import { promises as fs } from "fs";
import { localDate } from "../core/dates";
import { validDate } from "../core/settings";
import { progressMarkdown, progressSummary } from "../core/progress";
import { loadTemplate } from "../generated/vaultTemplate";
import { parseArgs, UsageError } from "./args";
import { loadFolderCatalog } from "./vaultCatalog";

type Out = (s: string) => void;

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

export async function progressCommand(argv: string[], out: Out, err: Out): Promise<number> {
	const args = parseArgs(argv, ["today"]);
	const folder = await folderArg(args.positionals[0]);
	const today = todayArg(args.options.get("today"));
	const fc = await loadFolderCatalog(folder, loadTemplate());
	const summary = progressSummary(fc.catalog, fc.texts, today);
	if (args.flags.has("json")) {
		out(JSON.stringify(summary, null, 2));
		return 0;
	}
	for (const s of summary.skipped) err(`skipped ${s.path}: ${s.problems.join("; ")}`);
	out(progressMarkdown(summary).trimEnd());
	return 0;
}
