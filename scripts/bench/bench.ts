/**
 * `npm run bench`: the production main.js in the Obsidian stand-in.
 * Measures plugin load, full install, prompt draw and checklist build on
 * synthetic vaults of 1,000, 10,000 and 50,000 notes against a baseline that
 * reads every file and parses it with gray-matter, and the bundle size.
 */
import { Window } from "happy-dom";
import { cpus, totalmem } from "os";
import { readFileSync, writeFileSync } from "fs";
import { gzipSync } from "zlib";
import matter from "gray-matter";

const window = new Window({ url: "http://localhost/" });
const g = globalThis as Record<string, unknown>;
for (const key of ["document", "Node", "HTMLElement", "HTMLInputElement", "DocumentFragment", "Element", "Event", "KeyboardEvent", "MouseEvent", "navigator"]) {
	if (g[key] === undefined) Object.defineProperty(g, key, { value: (window as unknown as Record<string, unknown>)[key], configurable: true, writable: true });
}
g.window = globalThis;

/** The baseline reads tags from parsed properties, as a plugin without an index would. */
const hasTag = (data: Record<string, unknown>, tag: string): boolean => Array.isArray(data.tags) && data.tags.includes(tag);

type StandIn = typeof import("../../tests/stand-in/obsidian");
const O: StandIn = await import("../../tests/stand-in/obsidian");
const manifest = JSON.parse(readFileSync("manifest.json", "utf8"));
const code = readFileSync("main.js", "utf8");

function loadPluginClass(): new (app: unknown, m: unknown) => { load(): void; loading: Promise<void>; data: { settings: { promptFilters: Record<string, unknown> } } } {
	const module = { exports: {} as Record<string, unknown> };
	new Function("require", "module", "exports", code)((n: string) => {
		if (n === "obsidian") return O;
		throw new Error(`no ${n}`);
	}, module, module.exports);
	return (module.exports.default ?? module.exports) as never;
}
const PluginClass = loadPluginClass();
const evalMs = await (async () => {
	const xs: number[] = [];
	for (let i = 0; i < 15; i++) {
		const t = performance.now();
		loadPluginClass();
		xs.push(performance.now() - t);
	}
	return [...xs].sort((a, b) => a - b)[7]!;
})();

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// setImmediate, not setTimeout: Node clamps timers to 1 ms, which would swamp sub-millisecond work.
const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

async function until(cond: () => boolean, limit = 100000): Promise<void> {
	for (let i = 0; i < limit && !cond(); i++) await tick();
	if (!cond()) throw new Error("timed out");
}

async function timeIt(fn: () => Promise<void>, runs: number): Promise<number> {
	const xs: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		await fn();
		xs.push(performance.now() - t);
	}
	return median(xs);
}

async function newPlugin(app: InstanceType<StandIn["App"]>) {
	const p = new PluginClass(app, manifest);
	p.load();
	await p.loading;
	app.workspace.markLayoutReady();
	return p;
}

// ---- synthetic vault: the shipped framework + N notes, 5% case studies, 40% concepts, some practice
const TEMPLATE: { files: { path: string; content: string }[] } = (await import("../../src/generated/vaultTemplate")).loadTemplate();
const stepFiles = TEMPLATE.files.filter((f) => f.path.startsWith("Framework/Step ") || f.path.endsWith("Constraints and twists.md") || f.path.includes("Example - my extra"));
const DOMAINS = ["recsys", "search", "ads", "vision", "nlp", "genai", "trust-safety", "fraud-risk"];
function syntheticNote(i: number): [string, string] {
	const r = i % 20;
	if (r === 0) return [`Cases/Case ${i}.md`, `---\ntype: case-study\ntags:\n  - mlsd/case-study\ndomain: ${DOMAINS[i % DOMAINS.length]}\ndifficulty: ${["easy", "medium", "hard"][i % 3]}\nprompts:\n  - Design system number ${i}.\n  - Build service ${i}.\nconcepts:\n  - "[[Concept ${i + 1}]]"\n---\n# Case ${i}\n\n## Checklist\n- [ ] Item for case ${i}\n- [ ] Another item\n\n${"Body text about the design. ".repeat(40)}\n`];
	if (r < 9) return [`Concepts/Concept ${i}.md`, `---\ntype: concept\ncategory: model\naliases: []\ntags:\n  - mlsd/concept\n---\n# Concept ${i}\n\n${"A paragraph explaining the idea in detail. ".repeat(30)}\n\n## Flashcards\nQ${i}::A${i}\n`];
	if (r === 9) return [`Practice/Practice ${i}.md`, `---\ntype: practice\ntags:\n  - mlsd/practice\ncase: "[[Case ${i - 9}]]"\ndate: 2026-10-${String(1 + (i % 28)).padStart(2, "0")}\nminutes: 45\n---\n# Practice\n`];
	return [`Journal/Note ${i}.md`, `---\ntags: [journal]\n---\n# Note ${i}\n\n${"Some unrelated personal writing. ".repeat(30)}\n`];
}

async function vaultOf(n: number) {
	const app = new O.App();
	const folders = new Set<string>();
	const add = async (path: string, content: string) => {
		const dir = path.slice(0, path.lastIndexOf("/"));
		if (dir && !folders.has(dir)) {
			if (!app.vault.getAbstractFileByPath(dir)) await app.vault.createFolder(dir);
			folders.add(dir);
		}
		await app.vault.create(path, content);
	};
	for (const f of stepFiles) await add(`ML System Design/${f.path}`, f.content);
	for (let i = 0; i < n; i++) await add(...syntheticNote(i));
	await app.metadataCache.settle();
	return app;
}

/** Baseline: what a plugin without the catalog would do — read and parse every file. */
async function baselineRecords(app: InstanceType<StandIn["App"]>) {
	const out: { path: string; data: Record<string, unknown>; text: string }[] = [];
	for (const f of app.vault.getMarkdownFiles()) {
		const text = await app.vault.read(f);
		out.push({ path: f.path, data: matter(text, {}).data, text });
	}
	return out;
}

/** Opens the prompt modal (command → prompt shown) and returns it. */
async function openPromptModal(app: InstanceType<StandIn["App"]>) {
	const before = O.Modal.open.length;
	app.commands.executeCommandById("ml-system-design-vault:draw-prompt");
	const modal = O.Modal.open[before]!;
	await until(() => modal.contentEl.querySelector(".mlsd-prompt-text") !== null);
	return modal;
}

/** One draw: the "Draw again" button, until the new prompt is in the DOM. */
function drawAgain(modal: InstanceType<StandIn["Modal"]>): void {
	const button = [...modal.contentEl.querySelectorAll("button")].find((b) => b.textContent === "Draw again")!;
	const before = modal.contentEl.querySelector(".mlsd-prompt-result");
	button.click();
	if (modal.contentEl.querySelector(".mlsd-prompt-result") !== before || !before?.textContent) throw new Error("no draw");
}

/**
 * "Insert design checklist into this note" for a case. Timed from choosing
 * the case until the checklist is in the editor; the chooser's own typing
 * and rendering happen before the clock starts.
 */
async function checklistViaPlugin(app: InstanceType<StandIn["App"]>, caseQuery: string): Promise<number> {
	const view = app.workspace.getActiveViewOfType(O.MarkdownView)!;
	view.editor.setValue("");
	const before = O.Modal.open.length;
	app.commands.executeCommandById("ml-system-design-vault:insert-checklist");
	const chooser = O.Modal.open[before] as InstanceType<StandIn["SuggestModal"]>;
	await chooser.setQuery(caseQuery);
	const t = performance.now();
	chooser.choose(0);
	await until(() => view.editor.getValue().length > 0);
	return performance.now() - t;
}

const rows: string[][] = [];
const fmt = (ms: number): string => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));

// ---- plugin load
const loadMs = await timeIt(async () => {
	await newPlugin(new O.App());
}, 30);

// ---- full install
const installMs = await timeIt(async () => {
	const app = new O.App();
	await newPlugin(app);
	app.commands.executeCommandById("ml-system-design-vault:install-notes");
	await until(() => O.Notice.history.at(-1)?.includes("Created") === true);
	O.Notice.history = [];
}, 5);

for (const n of [1000, 10000, 50000]) {
	const app = await vaultOf(n);
	await newPlugin(app);
	await app.vault.create("Scratch.md", "");
	await app.workspace.getLeaf(true).openFile(app.vault.getFileByPath("Scratch.md")!);
	await app.metadataCache.settle();
	const t0 = performance.now();
	const modal = await openPromptModal(app); // first use builds the catalog from metadataCache
	const firstOpen = performance.now() - t0;
	modal.close();
	const open = await timeIt(async () => (await openPromptModal(app)).close(), 9);
	const m = await openPromptModal(app);
	const draw = await timeIt(async () => drawAgain(m), 51);
	m.close();
	const checklistRuns: number[] = [];
	for (let i = 0; i < 15; i++) checklistRuns.push(await checklistViaPlugin(app, `Case ${n - 20}`));
	const checklist = median(checklistRuns);
	const baseDraw = await timeIt(async () => {
		const recs = await baselineRecords(app);
		const cases = recs.filter((r) => hasTag(r.data, "mlsd/case-study"));
		const c = cases[Math.floor(Math.random() * cases.length)]!;
		void (c.data.prompts as string[])[0];
	}, n >= 50000 ? 3 : 5);
	const baseChecklist = await timeIt(async () => {
		const recs = await baselineRecords(app);
		const steps = recs.filter((r) => hasTag(r.data, "mlsd/framework-step")).sort((a, b) => (a.data.step as number) - (b.data.step as number));
		void steps.map((s) => s.text.split("## Checklist")[1]);
		void recs.filter((r) => hasTag(r.data, "mlsd/checklist"));
	}, n >= 50000 ? 3 : 5);
	rows.push([n.toLocaleString("en-US"), fmt(firstOpen), fmt(open), fmt(draw), fmt(baseDraw), `${Math.round(baseDraw / draw)}×`, fmt(checklist), fmt(baseChecklist), `${Math.round(baseChecklist / checklist)}×`]);
	O.Modal.open.splice(0);
}

const mainBytes = readFileSync("main.js");
const machine = `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
const table = [
	"| notes | first modal open (builds catalog) ms | modal open ms | draw ms | baseline draw ms | draw speed-up | checklist ms | baseline checklist ms | checklist speed-up |",
	"| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
	...rows.map((r) => `| ${r.join(" | ")} |`),
].join("\n");
const report = `# Benchmarks

Measured by \`npm run bench\` on ${date}: ${machine}.
The production \`main.js\` runs in the Obsidian stand-in (tests/stand-in) under happy-dom. Times are medians.

| measure | result |
| --- | ---: |
| evaluating main.js (what Obsidian does before onload) | ${fmt(evalMs)} ms |
| plugin load (constructor + onload) | ${fmt(loadMs)} ms |
| full install of the shipped notes (${TEMPLATE.files.length} files) | ${fmt(installMs)} ms |
| main.js size | ${(mainBytes.length / 1024).toFixed(0)} KB (${(gzipSync(mainBytes).length / 1024).toFixed(0)} KB gzip) |

Through the plugin's own UI: *modal open* is the "Draw a random interview prompt" command until a prompt is shown;
*draw* is one "Draw again" (the draw and its DOM update); *checklist* is "Insert design checklist into this note" for a case,
from choosing the case until the checklist is in the editor (it reads the seven step notes, the case and the checklist notes
from the vault, so edits show at once).
The baseline is what a plugin without the catalog would do: read every file and parse it with gray-matter, on the same vault.

${table}

"First modal open" includes building the catalog from the metadata cache once (the cold case); in Obsidian the plugin builds it
in the background 3 s after start-up, so the first prompt is normally as fast as the later ones. After that the catalog is kept
current by metadata events.
The synthetic vaults hold the seven shipped step notes plus N notes: 5% case studies, 40% concepts, 5% practice notes, 50% unrelated notes.
`;
console.log(report);
if (process.argv.includes("--write")) writeFileSync("BENCHMARKS.md", report);
