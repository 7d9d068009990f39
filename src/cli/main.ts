/**
 * `mlsd`: the same core as the plugin, outside Obsidian. Every command is one
 * `CommandSpec` (src/cli/args.ts) in COMMANDS below: its arguments, options,
 * help and checks come from the spec. To add a command, write its spec and
 * add it to the list.
 */
import { promises as fs } from "fs";
import { checklistToMarkdown } from "../core/checklist";
import { localDate } from "../core/dates";
import { formatIssue, runDoctor, type DoctorFile } from "../core/doctor";
import { DEFAULT_FILTERS, drawPrompt, type SourceFilter } from "../core/prompt";
import { seededRng } from "../core/rng";
import { DIFFICULTIES, DOMAINS } from "../core/types";
import { loadTemplate } from "../generated/vaultTemplate";
import { Args, checkChoice, commandHelp, overviewHelp, parseCommandArgs, UsageError, validList, type CommandSpec, type Io } from "./args";
import { parseFrontmatter, parseYaml } from "./frontmatter";
import { makeTemplate, makeTemplateFile } from "../core/template";
import type { EmbeddedTemplate } from "../core/types";
import { FsVault } from "./fsVault";
import { runInstallCli } from "./install";
import { checkMermaid } from "./mermaidCheck";
import { planCommand } from "./plan";
import { progressCommand } from "./progress";
import { folderChecklist, folderTwists, loadFolderCatalog, readAll, type FolderCatalog } from "./vaultCatalog";
import { dataFilePath } from "./dataFile";
import { joinPath } from "../core/paths";
import { migrateData } from "../core/settings";
import { join } from "path";
import { version as VERSION } from "../../manifest.json";

export { PLUGIN_ID, dataFilePath, readPluginData } from "./dataFile";

type Out = (s: string) => void;

const FOLDER = { name: "folder", description: "a folder of notes (a vault, the installed notes folder, or vault-template)" };
const JSON_FLAG = { type: "boolean", description: "Print JSON instead of text." } as const;

const installCommand: CommandSpec = {
	name: "install",
	summary: "Install or update the shipped notes in a vault, with the plugin's rules and install record.",
	details: "Writes into <vault>/<install folder> (default \"ML System Design\"). Notes you edited are merged with the new version; where your edit overlaps it, yours is kept. Never overwrites your own files, never recreates a note you deleted.",
	positionals: [{ name: "vault", description: "the vault folder (the one that holds .obsidian)" }],
	options: {
		json: JSON_FLAG,
		"config-dir": { type: "string", value: "DIR", description: "The vault's config folder (default .obsidian)." },
		template: { type: "string", value: "DIR", description: "Install from a folder instead of the notes built into mlsd (to try an upgrade)." },
		diff: { type: "boolean", description: "Print a line diff of each note whose edit overlaps the new version." },
		"recreate-missing": { type: "boolean", description: "Restore shipped notes that are missing after the install record was lost." },
		"fresh-copy": { type: "boolean", description: "Install a second copy when the notes folder setting changed." },
	},
	run: (args, io) => install(args, io.out),
};

const doctorCommand: CommandSpec = {
	name: "doctor",
	summary: "Check the notes tagged mlsd/<kind>; exits 1 only on what breaks a command or a shipped note.",
	details: "Properties, sections, minimum lengths, links and heading links, orphans, repeated paragraphs, Mermaid diagrams, Bases and Canvas files.",
	positionals: [FOLDER],
	options: {
		json: JSON_FLAG,
		"no-diagrams": { type: "boolean", description: "Skip parsing the Mermaid diagrams (faster)." },
		strict: { type: "boolean", description: "Hold every note to the content standard, not only the shipped ones." },
		"config-dir": { type: "string", value: "DIR", description: "The vault's config folder, where the install record is (default .obsidian)." },
	},
	run: (args, io) => doctor(args, io.out),
};

const promptCommand: CommandSpec = {
	name: "prompt",
	summary: "Draw a random interview prompt from the case studies in a folder.",
	details: "The same seed gives the same draw.",
	positionals: [FOLDER],
	options: {
		domain: { type: "string", value: "D", description: "Only cases of this domain (the shipped ones or any your notes use)." },
		difficulty: { type: "string", value: "L", description: "Only cases of this difficulty.", choices: DIFFICULTIES },
		source: { type: "string", value: "S", description: "Shipped cases, your own, or both.", choices: ["both", "shipped", "personal"] },
		"skip-days": { type: "string", value: "N", description: "Skip cases practised in the last N days." },
		seed: { type: "string", value: "N", description: "Seed for the draw (a whole number)." },
		"no-twist": { type: "boolean", description: "Draw without a twist." },
		json: JSON_FLAG,
	},
	run: (args, io) => prompt(args, io.out, io.err),
};

const checklistCommand: CommandSpec = {
	name: "checklist",
	summary: "Print the design checklist (Markdown): every step's items, your checklist notes, then the case's own.",
	positionals: [FOLDER],
	options: {
		case: { type: "string", value: "NAME", description: "Add the items specific to this case study (see `mlsd cases`)." },
	},
	run: (args, io) => checklist(args, io.out, io.err),
};

const casesCommand: CommandSpec = {
	name: "cases",
	summary: "List the case studies in a folder: name, domain, difficulty, prompts, shipped or yours.",
	positionals: [FOLDER],
	options: {
		domain: { type: "string", value: "D", description: "Only cases of this domain." },
		json: JSON_FLAG,
	},
	run: (args, io) => cases(args, io.out, io.err),
};

/** Every command, in the order `mlsd --help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [installCommand, doctorCommand, promptCommand, checklistCommand, casesCommand, progressCommand, planCommand];

export async function main(argv: string[], out: Out = (s) => process.stdout.write(s + "\n"), err: Out = (s) => process.stderr.write(s + "\n")): Promise<number> {
	const [name, ...rest] = argv;
	const io: Io = { out, err };
	const names = COMMANDS.map((c) => c.name);
	try {
		if (name === "--version" || name === "-v" || name === "version") {
			out(`mlsd ${VERSION}`);
			return 0;
		}
		if (name === undefined || name === "--help" || name === "-h" || name === "help") {
			const about = rest[0] === undefined ? undefined : COMMANDS.find((c) => c.name === rest[0]);
			if (name === "help" && rest[0] !== undefined && !about) throw new UsageError(`Unknown command "${rest[0]}". ${validList(rest[0], names, "commands")}`);
			out(about ? commandHelp(about) : overviewHelp(COMMANDS, VERSION));
			return name === undefined ? 2 : 0;
		}
		const command = COMMANDS.find((c) => c.name === name);
		if (!command) {
			throw new UsageError(name.startsWith("-") ? `Unknown option ${name}: options go after a command. Commands: ${names.join(", ")}.` : `Unknown command "${name}". ${validList(name, names, "commands")}`);
		}
		const args = parseCommandArgs(command, rest);
		if (args.has("help")) {
			out(commandHelp(command));
			return 0;
		}
		return await command.run(args, io);
	} catch (e) {
		if (e instanceof UsageError) {
			const command = COMMANDS.find((c) => c.name === name);
			err(`${e.message}\n${command ? `Run \`mlsd ${command.name} --help\` for its arguments and options.` : "Run `mlsd --help` for the commands."}`);
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

async function install(args: Args, out: Out): Promise<number> {
	const vault = await requireFolder(args.positionals[0]);
	const templateDir = args.get("template");
	const template = templateDir ? await templateFromFolder(templateDir) : loadTemplate();
	return runInstallCli({ vault, template, args, out });
}

export interface DoctorInput {
	files: DoctorFile[];
	/** Every file under the folder, attachments included (for links). */
	allPaths: string[];
	/** Notes that could not be read: named, never a crash. */
	unreadable: { path: string; message: string }[];
}

export async function readDoctorFiles(folder: string): Promise<DoctorInput> {
	const allPaths = await new FsVault(folder).listFiles();
	const files: DoctorFile[] = [];
	const unreadable: DoctorInput["unreadable"] = [];
	const paths = allPaths.filter((p) => /\.(md|base|canvas)$/.test(p));
	const read = await readAll(folder, paths);
	paths.forEach((path, i) => {
		const r = read[i]!;
		if ("error" in r) unreadable.push({ path, message: `could not be read: ${r.error}` });
		else files.push({ path, text: r.text });
	});
	return { files, allPaths, unreadable };
}

/**
 * Which notes the content standard applies to: every note with --strict or
 * when the folder is the template itself (its start note at the top, no
 * Obsidian config folder); else the notes the install record lists; else the
 * notes found at a shipped note's path.
 */
export async function doctorStandard(folder: string, allPaths: readonly string[], strict: boolean, configDir = ".obsidian"): Promise<{ standard: "all" | Set<string>; source: string }> {
	if (strict) return { standard: "all", source: "--strict" };
	const template = loadTemplate();
	const hasConfig = await fs.stat(join(folder, configDir)).then((s) => s.isDirectory(), () => false);
	const startNote = template.files.find((f) => !f.path.includes("/") && /^start here/i.test(f.path))?.path;
	if (!hasConfig && startNote && allPaths.includes(startNote)) return { standard: "all", source: "the template folder" };
	let raw: unknown = null;
	try {
		raw = JSON.parse(await fs.readFile(dataFilePath(folder, configDir), "utf8"));
	} catch {
		raw = null;
	}
	const { data } = migrateData(raw, { configDir });
	const installed = Object.keys(data.install.files);
	if (data.install.folder && installed.length > 0) {
		return { standard: new Set(installed.map((p) => joinPath(data.install.folder, p))), source: "the install record" };
	}
	const present = new Set(allPaths);
	const shipped = new Set<string>();
	for (const f of template.files) {
		for (const candidate of [f.path, joinPath(data.settings.installFolder, f.path)]) if (present.has(candidate)) shipped.add(candidate);
	}
	return { standard: shipped, source: "the shipped notes' paths" };
}

async function doctor(args: Args, out: Out): Promise<number> {
	const folder = await requireFolder(args.positionals[0]);
	const input = await readDoctorFiles(folder);
	const { standard, source } = await doctorStandard(folder, input.allPaths, args.has("strict"), args.get("config-dir"));
	const report = await runDoctor(input.files, {
		parseYaml,
		checkDiagram: args.has("no-diagrams") ? undefined : checkMermaid,
	}, { standard, allPaths: input.allPaths });
	for (const u of input.unreadable) report.issues.push({ path: u.path, line: null, rule: "unreadable", message: u.message, severity: "warning" });
	report.summary.warnings += input.unreadable.length;
	const errors = report.summary.errors;
	if (args.has("json")) {
		out(JSON.stringify({ ...report, standard: standard === "all" ? "all" : source }, null, 2));
	} else {
		const s = report.summary;
		const types = Object.entries(s.byType).sort().map(([t, n]) => `${t} ${n}`).join(", ");
		out(`${s.notes} notes of ours (${types || "none"}); ${s.words.toLocaleString("en-US")} words; ${s.diagrams} diagrams; ${s.links} links; ${s.files - s.notes} other files`);
		out(standard === "all" ? `Content standard: every note (${source}).` : `Content standard: ${s.shipped} shipped note${s.shipped === 1 ? "" : "s"} (from ${source}); your own notes are checked only for what commands need.`);
		for (const i of report.issues) out(formatIssue(i));
		if (s.untagged > 0) out(`${s.untagged} note${s.untagged === 1 ? " has" : "s have"} a "type:" of ours but no mlsd/ tag, so ${s.untagged === 1 ? "it does" : "they do"} not take part (info above; the plugin offers to add the tags once).`);
		const w = s.warnings > 0 ? `; ${s.warnings} warning${s.warnings === 1 ? "" : "s"}` : "";
		out(errors === 0 ? `No problems found${w}.` : `${errors} problem${errors === 1 ? "" : "s"} found${w}.`);
	}
	return errors === 0 ? 0 : 1;
}

/** The domains a --domain may name: the shipped ones and any a note in the folder uses. */
function domainArg(args: Args, fc: FolderCatalog): string | null {
	const given = args.get("domain");
	if (given === undefined) return null;
	const used = fc.catalog.cases().map((c) => c.domain);
	const valid = [...new Set([...DOMAINS, ...used])].sort();
	// The spelling the notes use, so the filter matches them.
	const hit = checkChoice("domain", given, valid);
	return used.find((d) => d.toLowerCase() === hit.toLowerCase()) ?? hit;
}

function wholeNumber(args: Args, name: string, min: number): number | undefined {
	const text = args.get(name);
	if (text === undefined) return undefined;
	const n = Number(text);
	if (text.trim() === "" || !Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number${min === 0 ? " of 0 or more" : ""}; "${text}" is not.`);
	return n;
}

async function prompt(args: Args, out: Out, err: Out): Promise<number> {
	const folder = await requireFolder(args.positionals[0]);
	const source = (args.get("source") ?? "both") as SourceFilter;
	const seed = wholeNumber(args, "seed", Number.MIN_SAFE_INTEGER) ?? Math.floor(Math.random() * 2 ** 31);
	const skip = wholeNumber(args, "skip-days", 0) ?? 0;
	const fc = await loadFolderCatalog(folder, loadTemplate());
	const domain = domainArg(args, fc);
	for (const s of fc.catalog.skipped()) err(`skipped ${s.path}: ${s.problems.join("; ")}`);
	for (const u of fc.catalog.undrawable()) err(`not drawn ${u.path}: ${u.reason}`);
	const filters = {
		...DEFAULT_FILTERS,
		domain,
		difficulty: args.get("difficulty") ?? null,
		source, skipPractisedDays: skip, twist: !args.has("no-twist"),
	};
	const result = drawPrompt(fc.catalog, filters, seededRng(seed), localDate(), await folderTwists(fc));
	if ("error" in result) {
		err(result.error);
		return 1;
	}
	const d = result.draw;
	if (d.twistNotice) err(d.twistNotice);
	if (args.has("json")) out(JSON.stringify({ case: d.caseName, prompt: d.prompt, twist: d.twist, twistNote: d.twistNote, domain: d.domain, difficulty: d.difficulty, seed }));
	else out(`${d.prompt}${d.twist ? `\nTwist: ${d.twist} (model answer: ${d.twistNote})` : ""}\n\n(${d.caseName}; ${d.domain}, ${d.difficulty}; seed ${seed})`);
	return 0;
}

async function checklist(args: Args, out: Out, err: Out): Promise<number> {
	const folder = await requireFolder(args.positionals[0]);
	const fc = await loadFolderCatalog(folder, loadTemplate());
	for (const s of fc.catalog.skipped()) err(`skipped ${s.path}: ${s.problems.join("; ")}`);
	const name = args.get("case");
	let chosen = null;
	if (name !== undefined) {
		const names = fc.catalog.cases().map((c) => c.name);
		if (names.length === 0) throw new UsageError(`--case "${name}": there are no case studies under "${folder}".`);
		chosen = fc.catalog.caseByName(checkChoice("case", name, names)) ?? null;
	}
	const sections = await folderChecklist(fc, chosen);
	if (sections.every((s) => s.items.length === 0)) {
		err(`No checklist items found under "${folder}": the framework step notes (with a "## Checklist" section) are not there.`);
		return 1;
	}
	out(checklistToMarkdown(sections, { heading: `Design checklist: ${chosen ? chosen.name : "any problem"}`, level: 2 }).trimEnd());
	return 0;
}

async function cases(args: Args, out: Out, err: Out): Promise<number> {
	const folder = await requireFolder(args.positionals[0]);
	const fc = await loadFolderCatalog(folder, loadTemplate());
	const domain = domainArg(args, fc);
	for (const s of fc.catalog.skipped()) err(`skipped ${s.path}: ${s.problems.join("; ")}`);
	const list = fc.catalog.cases().filter((c) => domain === null || c.domain === domain);
	if (args.has("json")) {
		out(JSON.stringify(list.map((c) => ({ name: c.name, path: c.path, domain: c.domain, difficulty: c.difficulty, prompts: c.prompts.length, origin: c.origin })), null, 2));
		return 0;
	}
	if (list.length === 0) {
		out(domain ? `No case studies of domain "${domain}" under "${folder}".` : `No case studies under "${folder}".`);
		return 0;
	}
	const w = Math.max(...list.map((c) => c.name.length));
	const dw = Math.max(...list.map((c) => String(c.domain).length));
	for (const c of list) out(`${c.name.padEnd(w)}  ${String(c.domain).padEnd(dw)}  ${c.difficulty.padEnd(6)}  ${String(c.prompts.length).padStart(2)} prompt${c.prompts.length === 1 ? " " : "s"}  ${c.origin === "shipped" ? "shipped" : "yours"}`);
	out(`${list.length} case stud${list.length === 1 ? "y" : "ies"}${domain ? ` in ${domain}` : ""}.`);
	return 0;
}
