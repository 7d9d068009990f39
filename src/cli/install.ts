/** `mlsd install <vault>`: the shared core installer over Node's fs, with the same path policy as the plugin. */
import { promises as fs } from "fs";
import { join } from "path";
import { installTemplate, RecordWriteError, summarizeCounts, type InstallAction, type InstallRecord } from "../core/install";
import { lineDiff } from "../core/merge";
import { validateConfigDir } from "../core/paths";
import type { EmbeddedTemplate } from "../core/types";
import { UsageError, type ParsedArgs } from "./args";
import { acquireLock, checkPluginDir, dataFilePath, pluginDir, readBasesFile, readPluginData, writeBasesFile, writePluginData } from "./dataFile";
import { FsVault, readRegularFile, removeTempFiles } from "./fsVault";

type Out = (s: string) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export interface InstallCliOptions {
	vault: string;
	template: EmbeddedTemplate;
	args: ParsedArgs;
	out: Out;
}

/** Prints a line diff (the user's note against the new version) for a conflicting note. */
async function printDiff(out: Out, vault: string, a: InstallAction): Promise<void> {
	const mine = await readRegularFile(join(vault, ...a.target.split("/"))).catch(() => null);
	if (mine === null) return;
	out(`--- ${a.target} (yours)\n+++ ${a.target} (new version)`);
	const rows = lineDiff(mine, a.file.content, a.conflicts ?? []);
	rows.forEach((r, i) => {
		const near = rows.slice(Math.max(0, i - 2), i + 3).some((x) => x.kind !== "same");
		if (r.kind === "same") {
			if (near) out(`  ${r.text}`);
		} else out(`${r.kind === "mine" ? "-" : "+"}${r.conflict ? "!" : " "}${r.text}`);
	});
}

export async function runInstallCli({ vault, template, args, out }: InstallCliOptions): Promise<number> {
	const json = args.flags.has("json");
	const configChecked = validateConfigDir(args.options.get("config-dir") ?? ".obsidian");
	if ("error" in configChecked) throw new UsageError(configChecked.error);
	const configDir = configChecked.dir;
	await checkPluginDir(vault, configDir);
	const dir = pluginDir(vault, configDir);
	await fs.mkdir(dir, { recursive: true });
	const release = await acquireLock(dir);
	try {
		const file = dataFilePath(vault, configDir);
		const loaded = await readPluginData(file, configDir);
		const warnings = [...loaded.warnings];
		if (loaded.readOnly) throw new Error(`${file} comes from a newer version of the plugin; update mlsd before installing. Nothing was changed.`);
		if (loaded.rejected?.installFolder !== undefined) {
			throw new Error(`${file}: ${warnings.find((w) => w.includes("installFolder")) ?? `installFolder "${loaded.rejected.installFolder}" is not allowed.`} Nothing was installed; set "installFolder" to a folder inside the vault.`);
		}
		const { data, raw } = loaded;
		const folder = data.settings.installFolder;
		const previous = data.install;
		if (previous.folder !== "" && previous.folder !== folder && Object.keys(previous.files).length > 0 && !args.flags.has("fresh-copy")) {
			throw new Error(
				`The notes were installed in "${previous.folder}", but the settings now name "${folder}". mlsd does not install a second copy silently: ` +
				`move "${previous.folder}" to "${folder}" (in Obsidian, "Install or update notes" offers to), set installFolder back to "${previous.folder}", ` +
				`or pass --fresh-copy to install a second copy in "${folder}". Nothing was changed.`,
			);
		}
		const basesFile = join(dir, "bases.json");
		const { bases, warning } = await readBasesFile(basesFile);
		if (warning) warnings.push(warning);
		const fsVault = new FsVault(vault);
		await fsVault.removeStaleTemps(folder).catch(() => 0);
		await removeTempFiles(dir).catch(() => 0); // a run killed while writing data.json or bases.json
		const saveRecord = async (record: InstallRecord): Promise<void> => {
			// Keep every key another version wrote, and the settings exactly as they were: mlsd owns only the record.
			const next = { ...raw, schema: data.schema, settings: isObject(raw.settings) ? raw.settings : data.settings, install: record };
			await writePluginData(file, next, configDir);
		};
		let result;
		try {
			result = await installTemplate(fsVault, template, folder, data.install, { saveRecord, saveBases: (b) => writeBasesFile(basesFile, b) }, {
				bases,
				recordLost: loaded.recordLost === true,
				recreateMissing: args.flags.has("recreate-missing"),
			});
		} catch (e) {
			if (e instanceof RecordWriteError) throw new Error(`${file}: ${e.message}`);
			throw e;
		}
		if (result.saveError) warnings.push(`The notes were written, but ${file} could not be saved (${result.saveError}). The next run recognises the notes by their content.`);
		if (result.plan.rebuilt) warnings.push(`The record of installed notes was missing or unreadable, so it was rebuilt from the notes in "${folder}".`);
		const c = result.counts;
		const of = (kind: InstallAction["kind"] | InstallAction["kind"][]) => result.actions.filter((a) => (Array.isArray(kind) ? kind.includes(a.kind) : a.kind === kind));
		const failures = of(["failed", "blocked", "changed"]);
		if (json) {
			out(JSON.stringify({
				created: c.created, updated: c.updated, merged: c.merged, completed: c.completed, keptEdited: c.keptEdited, conflicts: c.conflicts,
				keptDeleted: c.keptDeleted, missing: c.missing, skippedClash: c.skippedClash, failed: c.failed,
				offered: of("conflict").filter((a) => a.offer).map((a) => a.target),
				mergedNotes: of("merge").map((a) => a.target),
				missingNotes: of("missing").map((a) => a.target),
				failures: failures.map((a) => ({ path: a.target, reason: a.reason ?? "" })),
				warnings,
			}));
		} else {
			for (const w of warnings) out(`warning: ${w}`);
			out(`${summarizeCounts(c)} (${template.files.length} shipped files in "${folder}")`);
			for (const a of result.actions) {
				if (a.kind === "merge") out(`  merged the new version with your changes: ${a.target}`);
				if (a.kind === "complete") out(`  completed (an interrupted write had cut it off): ${a.target}`);
				if (a.kind === "conflict") out(`  kept yours; your edit overlaps the new version: ${a.target}${a.offer ? " (compare in Obsidian with \"Install or update notes\", or run with --diff)" : ""}`);
				if (a.kind === "keep-edited") out(`  kept your edit: ${a.target}`);
				if (a.kind === "skip-clash") out(`  skipped, a file of yours is there: ${a.target}`);
				if (a.kind === "failed" || a.kind === "blocked" || a.kind === "changed") out(`  could not write ${a.target}: ${a.reason ?? "unknown error"}`);
			}
			if (c.missing > 0) out(`  ${c.missing} shipped notes are missing and were not recreated, as you may have deleted them. Run again with --recreate-missing to restore them.`);
			if (args.flags.has("diff")) for (const a of of("conflict")) await printDiff(out, vault, a);
		}
		return failures.length > 0 ? 1 : 0;
	} finally {
		await release();
	}
}
