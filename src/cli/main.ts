/**
 * `mlsd`: the same core as the plugin, outside Obsidian.
 *   mlsd install <vault> [--json]
 *   mlsd doctor <folder> [--json] [--no-diagrams]
 *   mlsd prompt <folder> [--domain D] [--difficulty L] [--source S] [--skip-days N] [--seed N] [--no-twist] [--json]
 *   mlsd checklist <folder> [--case NAME]
 *   mlsd progress <folder> [--json] [--today YYYY-MM-DD]
 *   mlsd plan <vault> --interview-date YYYY-MM-DD [--today YYYY-MM-DD] [--json]
 */
import { promises as fs } from "fs";
import { checklistToMarkdown } from "../core/checklist";
import { localDate } from "../core/dates";
import { formatIssue, runDoctor, type DoctorFile } from "../core/doctor";
import { DEFAULT_FILTERS, drawPrompt, type SourceFilter } from "../core/prompt";
import { seededRng } from "../core/rng";
import { loadTemplate } from "../generated/vaultTemplate";
import { parseArgs, UsageError } from "./args";
import { parseFrontmatter, parseYaml } from "./frontmatter";
import { makeTemplate, makeTemplateFile } from "../core/template";
import type { EmbeddedTemplate } from "../core/types";
import { FsVault } from "./fsVault";
import { runInstallCli } from "./install";
import { checkMermaid } from "./mermaidCheck";
import { PLAN_USAGE, planCommand } from "./plan";
import { progressCommand } from "./progress";
import { folderChecklist, folderTwists, loadFolderCatalog } from "./vaultCatalog";

export { PLUGIN_ID, dataFilePath, readPluginData } from "./dataFile";

const USAGE = `Usage:
  mlsd install <vault> [--json] [--config-dir .obsidian] [--template DIR] [--diff] [--recreate-missing] [--fresh-copy]
      Install or update the shipped notes in <vault>/<install folder> (default "ML System Design").
      Notes you edited are merged with the new version; where your edit overlaps it, yours is kept.
      --template installs from a folder instead of the notes built into mlsd (to try an upgrade).
      --diff prints a line diff of each note whose edit overlaps the new version.
      --recreate-missing restores shipped notes that are missing after the record was lost.
      --fresh-copy installs a second copy when the notes folder setting changed.
  mlsd doctor <folder> [--json] [--no-diagrams]
      Check notes against the content contract; exits 1 on any problem.
  mlsd prompt <folder> [--domain D] [--difficulty easy|medium|hard] [--source both|shipped|personal]
                       [--skip-days N] [--seed N] [--no-twist] [--json]
      Draw a random interview prompt from the case studies under <folder>. The same seed gives the same draw.
  mlsd checklist <folder> [--case NAME]
      Print the design checklist (Markdown): every step's items, your checklist notes, then the case's own.
  mlsd progress <folder> [--json] [--today YYYY-MM-DD]
      Print the practice dashboard (sessions, step scores, weakest steps, reviews due) from the practice notes.
  ${PLAN_USAGE}`;

type Out = (s: string) => void;

export async function main(argv: string[], out: Out = (s) => process.stdout.write(s + "\n"), err: Out = (s) => process.stderr.write(s + "\n")): Promise<number> {
	const [command, ...rest] = argv;
	try {
		switch (command) {
			case "install": return await installCommand(rest, out);
			case "doctor": return await doctorCommand(rest, out);
			case "prompt": return await promptCommand(rest, out, err);
			case "checklist": return await checklistCommand(rest, out, err);
			case "progress": return await progressCommand(rest, out, err);
			case "plan": return await planCommand(rest, out, err);
			case undefined: case "help": case "--help": case "-h":
				out(USAGE);
				return command === undefined ? 2 : 0;
			default:
				throw new UsageError(`Unknown command "${command}".`);
		}
	} catch (e) {
		if (e instanceof UsageError) {
			err(`${e.message}\n\n${USAGE}`);
			return 2;
		}
		err(e instanceof Error ? e.message : String(e));
		return 1;
	}
}

async function requireFolder(path: string | undefined): Promise<string> {
	if (!path) throw new UsageError("Name a folder.");
	try {
		if (!(await fs.stat(path)).isDirectory()) throw new Error();
	} catch {
		throw new Error(`"${path}" is not a folder.`);
	}
	return path;
}

/** A template read from a folder (for testing upgrades): the same shape the build embeds. */
async function templateFromFolder(dir: string): Promise<EmbeddedTemplate> {
	const vault = new FsVault(await requireFolder(dir));
	const files = [];
	for (const path of (await vault.listFiles()).filter((p) => /\.(md|base|canvas)$/.test(p))) {
		const content = await vault.read(path);
		const parsed = path.endsWith(".md") ? parseFrontmatter(content) : { data: null };
		if ("error" in parsed) throw new Error(`${dir}/${path}:${parsed.line ?? 1}: ${parsed.error}`);
		files.push(makeTemplateFile(path, content, parsed.data));
	}
	return makeTemplate(files);
}

async function installCommand(argv: string[], out: Out): Promise<number> {
	const args = parseArgs(argv, ["config-dir", "template"]);
	const vault = await requireFolder(args.positionals[0]);
	const templateDir = args.options.get("template");
	const template = templateDir ? await templateFromFolder(templateDir) : loadTemplate();
	return runInstallCli({ vault, template, args, out });
}

export async function readDoctorFiles(folder: string): Promise<DoctorFile[]> {
	const vault = new FsVault(folder);
	const paths = (await vault.listFiles()).filter((p) => /\.(md|base|canvas)$/.test(p));
	return Promise.all(paths.map(async (path) => ({ path, text: await vault.read(path) })));
}

async function doctorCommand(argv: string[], out: Out): Promise<number> {
	const args = parseArgs(argv, []);
	const folder = await requireFolder(args.positionals[0]);
	const files = await readDoctorFiles(folder);
	const report = await runDoctor(files, {
		parseYaml,
		checkDiagram: args.flags.has("no-diagrams") ? undefined : checkMermaid,
	});
	if (args.flags.has("json")) {
		out(JSON.stringify(report, null, 2));
	} else {
		const s = report.summary;
		const types = Object.entries(s.byType).sort().map(([t, n]) => `${t} ${n}`).join(", ");
		out(`${s.notes} notes (${types}); ${s.words.toLocaleString("en-US")} words; ${s.diagrams} diagrams; ${s.links} links; ${s.files - s.notes} other files`);
		for (const i of report.issues) out(formatIssue(i));
		out(report.issues.length === 0 ? "No problems found." : `${report.issues.length} problem${report.issues.length === 1 ? "" : "s"} found.`);
	}
	return report.issues.length === 0 ? 0 : 1;
}

async function promptCommand(argv: string[], out: Out, err: Out): Promise<number> {
	const args = parseArgs(argv, ["domain", "difficulty", "source", "skip-days", "seed"]);
	const folder = await requireFolder(args.positionals[0]);
	const source = (args.options.get("source") ?? "both") as SourceFilter;
	if (!["both", "shipped", "personal"].includes(source)) throw new UsageError(`--source must be both, shipped or personal.`);
	const seedText = args.options.get("seed");
	const seed = seedText === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(seedText);
	if (!Number.isInteger(seed)) throw new UsageError("--seed must be a whole number.");
	const skip = Number(args.options.get("skip-days") ?? 0);
	if (!Number.isFinite(skip) || skip < 0) throw new UsageError("--skip-days must be a number of days.");
	const fc = await loadFolderCatalog(folder, loadTemplate());
	for (const s of fc.catalog.skipped()) err(`skipped ${s.path}: ${s.problems.join("; ")}`);
	const filters = {
		...DEFAULT_FILTERS,
		domain: args.options.get("domain") ?? null,
		difficulty: args.options.get("difficulty") ?? null,
		source, skipPractisedDays: skip, twist: !args.flags.has("no-twist"),
	};
	const result = drawPrompt(fc.catalog, filters, seededRng(seed), localDate(), await folderTwists(fc));
	if ("error" in result) {
		err(result.error);
		return 1;
	}
	const d = result.draw;
	if (d.twistNotice) err(d.twistNotice);
	if (args.flags.has("json")) out(JSON.stringify({ case: d.caseName, prompt: d.prompt, twist: d.twist, twistNote: d.twistNote, domain: d.domain, difficulty: d.difficulty, seed }));
	else out(`${d.prompt}${d.twist ? `\nTwist: ${d.twist} (model answer: ${d.twistNote})` : ""}\n\n(${d.caseName}; ${d.domain}, ${d.difficulty}; seed ${seed})`);
	return 0;
}

async function checklistCommand(argv: string[], out: Out, err: Out): Promise<number> {
	const args = parseArgs(argv, ["case"]);
	const folder = await requireFolder(args.positionals[0]);
	const fc = await loadFolderCatalog(folder, loadTemplate());
	const name = args.options.get("case");
	const chosen = name === undefined ? null : fc.catalog.caseByName(name);
	if (chosen === undefined) {
		const near = fc.catalog.cases().filter((c) => c.name.toLowerCase().includes(name!.toLowerCase().split(" ")[0] ?? "")).map((c) => c.name);
		err(`No case study named "${name}".${near.length ? ` Did you mean: ${near.slice(0, 5).join(", ")}?` : ""}`);
		return 1;
	}
	const sections = await folderChecklist(fc, chosen);
	if (sections.every((s) => s.items.length === 0)) {
		err("No checklist items found under this folder.");
		return 1;
	}
	out(checklistToMarkdown(sections, { heading: `Design checklist: ${chosen ? chosen.name : "any problem"}`, level: 2 }).trimEnd());
	return 0;
}
