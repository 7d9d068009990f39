/**
 * `npm run bench`: the production main.js in the Obsidian stand-in.
 * Measures plugin load, full install, prompt draw and checklist build on
 * synthetic vaults of 1,000, 10,000 and 50,000 notes against a baseline that
 * reads every file and parses it with gray-matter, and the bundle size.
 * MLSD_BENCH_RUNS=1 prints every timed run to stderr (to see how noisy the machine is).
 */
import { Window } from "happy-dom";
import { cpus, loadavg, totalmem } from "os";
import { execFileSync } from "child_process";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { gzipSync } from "zlib";
import matter from "gray-matter";
import { decodeBinaryText } from "../../src/core/binaryText";
import { decompressText } from "../../src/core/textCodec";

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

/** Exposed by scripts/bench.mjs (--expose-gc). */
const collectGarbage = (globalThis as { gc?: () => void }).gc;

/**
 * The median of `runs` timed runs. Every series, ours and the baselines alike, starts from a
 * collected heap and untimed runs (10, at most 2 s of them), so the garbage of the synthetic vault
 * just built (and the collector's work on it) is not charged to whatever happens to be measured
 * first, and the code measured has been compiled by the JIT (a cold first run is several times
 * slower, for every series; the first cold catalog build is reported on its own).
 */
async function timeIt(fn: () => Promise<void>, runs: number): Promise<number> {
	collectGarbage?.();
	const warmUntil = performance.now() + 2000;
	for (let i = 0; i < 10 && performance.now() < warmUntil; i++) await fn();
	const xs: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t = performance.now();
		await fn();
		xs.push(performance.now() - t);
	}
	if (process.env.MLSD_BENCH_RUNS) console.error(xs.map((x) => x.toFixed(2)).join(" "));
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

/**
 * The cold catalog and its baseline (read and parse every file), measured in
 * turns: each round is 7 builds, then one read-and-parse, then a full
 * collection (untimed), so both series see the same machine. On a shared
 * machine the build (a few ms of memory access) and the baseline (parsing)
 * are slowed by different neighbours at different moments; two series a few
 * seconds apart could drift apart by 2x. Medians of all builds and all rounds.
 */
async function catalogAgainstBaseline(app: InstanceType<StandIn["App"]>, build: () => void, rounds: number): Promise<{ coldCatalogMs: number; baselineReadParseMs: number }> {
	collectGarbage?.();
	for (let i = 0; i < 10; i++) build();
	await baselineRecords(app);
	collectGarbage?.();
	const builds: number[] = [];
	const baseline: number[] = [];
	for (let r = 0; r < rounds; r++) {
		for (let i = 0; i < 7; i++) {
			const t = performance.now();
			build();
			builds.push(performance.now() - t);
		}
		const t = performance.now();
		await baselineRecords(app);
		baseline.push(performance.now() - t);
		collectGarbage?.();
	}
	if (process.env.MLSD_BENCH_RUNS) console.error(`cold catalog ${builds.map((x) => x.toFixed(2)).join(" ")}; read and parse ${baseline.map((x) => x.toFixed(0)).join(" ")}`);
	return { coldCatalogMs: median(builds), baselineReadParseMs: median(baseline) };
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

const fmt = (ms: number): string => (ms < 1 ? ms.toFixed(3) : ms < 100 ? ms.toFixed(2) : ms.toFixed(0));
const round = (ms: number): number => +ms.toPrecision(3);
const JSON_OUT = process.argv.includes("--json");
const log = (s: string): void => {
	if (!JSON_OUT) console.error(s);
};

// ---- plugin load: constructor + onload (what Obsidian waits for)
const onloadMs = await timeIt(async () => {
	await newPlugin(new O.App());
}, 30);
log(`onload ${fmt(onloadMs)} ms`);

// ---- full install
const installMs = await timeIt(async () => {
	const app = new O.App();
	await newPlugin(app);
	app.commands.executeCommandById("ml-system-design-vault:install-notes");
	await until(() => O.Notice.history.at(-1)?.includes("Created") === true);
	O.Notice.history = [];
}, 5);
log(`install ${fmt(installMs)} ms`);

// ---- unpacking the shipped notes (once per session, only for install, restore and compare): the literal in main.js, decoded
const packedLiteral = /'([^'\n]{100000,})'/.exec(readFileSync("main.js", "utf8"))?.[1] ?? "";
const unpackMs = await timeIt(async () => {
	const text = new TextDecoder().decode(decompressText(decodeBinaryText(packedLiteral)));
	if (!text.includes("Step 1")) throw new Error("unpacked notes look wrong");
}, 5);
log(`unpack ${fmt(unpackMs)} ms`);

/**
 * The same unpacking in Chromium (when installed), as is and with the CPU slowed 4x through the
 * DevTools protocol: a rough stand-in for a mid-range phone, which cannot be measured here.
 */
async function unpackInChromium(literal: string): Promise<{ chromiumMs: number; chromium4xSlowerMs: number; longestSlice4xSlowerMs: number } | null> {
	const executablePath = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => p && existsSync(p));
	if (!executablePath) return null;
	const { chromium } = await import("playwright-core");
	const { buildSync } = await import("esbuild");
	const script = buildSync({
		stdin: {
			contents: 'import { decodeBinaryText } from "./src/core/binaryText"; import { decompressText, decompressTextInSlices } from "./src/core/textCodec";\n' +
				"(globalThis as Record<string, unknown>).unpack = (s: string): number => { const t = performance.now(); decompressText(decodeBinaryText(s)); return performance.now() - t; };\n" +
				// The longest the app waits for a turn while the plugin unpacks in slices (as main.ts does: a task between slices).
				"(globalThis as Record<string, unknown>).longestSlice = async (s: string): Promise<number> => { let longest = 0; let t = performance.now();\n" +
				"  await decompressTextInSlices(decodeBinaryText(s), { pause: () => new Promise<void>((r) => { const now = performance.now(); longest = Math.max(longest, now - t); setTimeout(() => { t = performance.now(); r(); }, 0); }) });\n" +
				"  return Math.max(longest, performance.now() - t); };",
			resolveDir: process.cwd(),
			loader: "ts",
		},
		bundle: true, format: "iife", write: false, charset: "utf8", logLevel: "silent",
	}).outputFiles[0]!.text;
	const browser = await chromium.launch({ executablePath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
	try {
		const page = await browser.newPage();
		await page.addScriptTag({ content: script });
		const run = (): Promise<number> => page.evaluate((s) => (globalThis as unknown as { unpack: (x: string) => number }).unpack(s), literal);
		await run();
		const chromiumMs = median([await run(), await run(), await run()]);
		const cdp = await page.context().newCDPSession(page);
		await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
		const chromium4xSlowerMs = median([await run(), await run(), await run()]);
		const longestSlice4xSlowerMs = await page.evaluate((s) => (globalThis as unknown as { longestSlice: (x: string) => Promise<number> }).longestSlice(s), literal);
		return { chromiumMs, chromium4xSlowerMs, longestSlice4xSlowerMs };
	} finally {
		await browser.close();
	}
}
const unpackBrowser = await unpackInChromium(packedLiteral);
log(`unpack in Chromium ${JSON.stringify(unpackBrowser)}`);

interface Row {
	firstColdCatalogMs: number;
	coldCatalogMs: number;
	coldCatalogScatteredMs: number;
	baselineReadParseMs: number;
	firstModalOpenMs: number;
	modalOpenMs: number;
	drawMs: number;
	baselineDrawMs: number;
	checklistMs: number;
	baselineChecklistMs: number;
}
const byNotes: Record<string, Row> = {};
const speedUpsByProcess: Record<string, number[]> = {};
/** Bench processes run before this one (scripts/bench.mjs --write): their figures, for the catalog medians. */
const catalogFrom = process.argv.includes("--catalog-from")
	? process.argv[process.argv.indexOf("--catalog-from") + 1]!.split(",").map((f) => (JSON.parse(readFileSync(f, "utf8")) as { byNotes: Record<string, Row> }).byNotes)
	: [];

for (const n of [1000, 10000, 50000]) {
	const app = await vaultOf(n);
	const plugin = (await newPlugin(app)) as unknown as { catalog: { get(): { cases(): unknown[] }; invalidate(): void } };
	await app.vault.create("Scratch.md", "");
	await app.workspace.getLeaf(true).openFile(app.vault.getFileByPath("Scratch.md")!);
	await app.metadataCache.settle();
	// Cold catalog: built from the metadata cache, as the plugin does once (in the background after
	// start-up), plus the case-study records a first draw needs. The very first build of a series runs
	// code the JIT has not compiled for this vault yet: reported on its own, then the median of warm builds.
	// The same cold catalog before the vault is "opened again": its metadata objects still sit among the notes' text,
	// as the stand-in made them note by note. Obsidian reads its cache back from IndexedDB when a vault opens, so the
	// figure that counts is the one after reloadFromStore(); this one shows how much the memory layout alone moves it.
	const runs = n >= 50000 ? 3 : 5;
	const buildCatalog = (): void => {
		plugin.catalog.invalidate();
		if (plugin.catalog.get().cases().length === 0) throw new Error("no case studies in the catalog");
	};
	const coldCatalogScatteredMs = (await catalogAgainstBaseline(app, buildCatalog, runs)).coldCatalogMs;
	app.metadataCache.reloadFromStore();
	collectGarbage?.();
	plugin.catalog.invalidate();
	const firstStart = performance.now();
	plugin.catalog.get().cases();
	const firstColdCatalogMs = performance.now() - firstStart;
	const { coldCatalogMs, baselineReadParseMs } = await catalogAgainstBaseline(app, buildCatalog, runs);
	plugin.catalog.invalidate();
	const t0 = performance.now();
	const modal = await openPromptModal(app); // the first use builds the catalog
	const firstModalOpenMs = performance.now() - t0;
	modal.close();
	const modalOpenMs = await timeIt(async () => (await openPromptModal(app)).close(), 9);
	const m = await openPromptModal(app);
	const drawMs = await timeIt(async () => drawAgain(m), 51);
	m.close();
	const checklistRuns: number[] = [];
	for (let i = 0; i < 15; i++) checklistRuns.push(await checklistViaPlugin(app, `Case ${n - 20}`));
	const checklistMs = median(checklistRuns);
	const baselineDrawMs = await timeIt(async () => {
		const recs = await baselineRecords(app);
		const cases = recs.filter((r) => hasTag(r.data, "mlsd/case-study"));
		const c = cases[Math.floor(Math.random() * cases.length)]!;
		void (c.data.prompts as string[])[0];
	}, runs);
	const baselineChecklistMs = await timeIt(async () => {
		const recs = await baselineRecords(app);
		const steps = recs.filter((r) => hasTag(r.data, "mlsd/framework-step")).sort((a, b) => (a.data.step as number) - (b.data.step as number));
		void steps.map((s) => s.text.split("## Checklist")[1]);
		void recs.filter((r) => hasTag(r.data, "mlsd/checklist"));
	}, runs);
	// With earlier processes' figures (bench.mjs --write), cold catalog and read-and-parse are medians over all the processes.
	const others = catalogFrom.map((b) => b[String(n)]).filter((r): r is Row => r !== undefined);
	const perProcess = [{ coldCatalogMs, baselineReadParseMs }, ...others].map((r) => r.baselineReadParseMs / r.coldCatalogMs);
	if (others.length > 0) speedUpsByProcess[String(n)] = perProcess.map((x) => Math.round(x));
	byNotes[String(n)] = {
		firstColdCatalogMs: round(firstColdCatalogMs),
		coldCatalogMs: round(median([coldCatalogMs, ...others.map((r) => r.coldCatalogMs)])),
		coldCatalogScatteredMs: round(coldCatalogScatteredMs),
		baselineReadParseMs: round(median([baselineReadParseMs, ...others.map((r) => r.baselineReadParseMs)])),
		firstModalOpenMs: round(firstModalOpenMs), modalOpenMs: round(modalOpenMs),
		drawMs: round(drawMs), baselineDrawMs: round(baselineDrawMs),
		checklistMs: round(checklistMs), baselineChecklistMs: round(baselineChecklistMs),
	};
	log(`${n} notes: ${JSON.stringify(byNotes[String(n)])}`);
	O.Modal.open.splice(0);
}

const size = JSON.parse(execFileSync(process.execPath, ["scripts/size.mjs", "--json"], { encoding: "utf8" })) as Record<string, number>;
const mainBytes = readFileSync("main.js");
const machine = `${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
// Other work on the machine sways the short timings most (a cold catalog is a few ms); say how busy it was.
const load = loadavg()[0]!.toFixed(1);
const date = new Date().toISOString().slice(0, 10);
const result = {
	date, machine, loadAverage: +load,
	evalMs: round(evalMs), onloadMs: round(onloadMs), installMs: round(installMs), installFiles: TEMPLATE.files.length, unpackMs: round(unpackMs),
	unpackChromiumMs: unpackBrowser ? round(unpackBrowser.chromiumMs) : null, unpackChromium4xSlowerMs: unpackBrowser ? round(unpackBrowser.chromium4xSlowerMs) : null, unpackLongestSliceChromium4xSlowerMs: unpackBrowser ? round(unpackBrowser.longestSlice4xSlowerMs) : null,
	mainJsBytes: mainBytes.length, mainJsGzipBytes: gzipSync(mainBytes).length,
	notesRawBytes: size.notesRawBytes, mainJsBytesTwiceIssueNotes: size.mainBytesTwiceIssueNotes,
	mainJsBytesTwiceNotes: size.mainBytesTwiceNotes,
	byNotes,
};
if (JSON_OUT) {
	console.log(JSON.stringify(result, null, 2));
} else {
	const kb = (b: number): string => `${(b / 1000).toFixed(0)} kB`;
	const x = (a: number, b: number): string => `${Math.round(a / b)}×`;
	const rows = Object.entries(byNotes).map(([n, r]) => `| ${Number(n).toLocaleString("en-US")} | ${fmt(r.firstColdCatalogMs)} | ${fmt(r.coldCatalogMs)} | ${fmt(r.baselineReadParseMs)} | ${x(r.baselineReadParseMs, r.coldCatalogMs)} | ${fmt(r.modalOpenMs)} | ${fmt(r.drawMs)} | ${fmt(r.baselineDrawMs)} | ${x(r.baselineDrawMs, r.drawMs)} | ${fmt(r.checklistMs)} | ${fmt(r.baselineChecklistMs)} | ${x(r.baselineChecklistMs, r.checklistMs)} |`);
	const report = `# Benchmarks

Measured by \`npm run bench\` on ${date}: ${machine}; load average ${load} at the end of the run.
The production \`main.js\` runs in the Obsidian stand-in (tests/stand-in) under happy-dom. Times are medians; every series
(ours and the baselines alike) starts after a full garbage collection and up to ten untimed runs (at most 2 s), so the code
is compiled and the garbage of the synthetic vault just built is not charged to whatever is measured first. *First cold catalog*
is the first build of each series, before any of that: what the one background build after start-up costs. \`MLSD_BENCH_RUNS=1 npm run bench\` prints every run.
\`npm run bench -- --json\` prints the same figures as JSON (\`evalMs\`, \`onloadMs\`, and per note count \`coldCatalogMs\`, \`drawMs\`, \`baselineDrawMs\`, ...).

## Start-up and size

| measure | result |
| --- | ---: |
| evaluating main.js (what Obsidian does before onload) | ${fmt(evalMs)} ms |
| plugin load (constructor + onload) | ${fmt(onloadMs)} ms |
| notes unpacked at load, at layout-ready or in the background | none (proved by tests/sandbox.test.ts) |
| unpacking the shipped notes (once per session, for install, restore or compare) | ${fmt(unpackMs)} ms |
| the same in Chromium; with its CPU slowed 4× (roughly a mid-range phone) | ${unpackBrowser ? `${fmt(unpackBrowser.chromiumMs)} ms; ${fmt(unpackBrowser.chromium4xSlowerMs)} ms` : "not measured (no Chromium)"} |
| while it unpacks, the longest the app waits for a turn (slices of 64 kB; Chromium slowed 4×) | ${unpackBrowser ? `${fmt(unpackBrowser.longestSlice4xSlowerMs)} ms` : "not measured (no Chromium)"} |
| full install of the shipped notes (${TEMPLATE.files.length} files, after unpacking) | ${fmt(installMs)} ms |
| main.js size | ${kb(mainBytes.length)} (${kb(gzipSync(mainBytes).length)} gzip) |
| shipped notes (raw) | ${kb(size.notesRawBytes!)} (${(size.notesRawBytes! / size.issueNotesRawBytes!).toFixed(2)}× the ${kb(size.issueNotesRawBytes!)} of issue 15) |
| main.js with twice the notes of issue 15 (projected, scripts/size.mjs) | ${kb(size.mainBytesTwiceIssueNotes!)}; limit 1,100 kB |
| main.js with twice today's notes (projected) | ${kb(size.mainBytesTwiceNotes!)} |

The notes are compressed with a Burrows–Wheeler transform and context mixing (src/core/textCodec.ts; Zstandard at level 19
would leave them 22% larger), written 7 bits per character (src/core/binaryText.ts), and unpacked only when install, restore
or compare needs them. "Twice today's notes" is measured: the notes packed from every other file and from all of them give
the growth of the pack when the notes double with notes of the same kind (${size.growthPerDoubling}×).

## Catalog, prompts and checklists

*Cold catalog* is building the index of every note from Obsidian's metadata cache, as the plugin does once (in the background,
3 s after start-up), and making the case-study records a first draw needs: notes are sorted by type, and a type's records are
made when a command first asks for it. Whether a note is shipped comes from the install record, so no note is read and
nothing is unpacked. The sort is one pass over \`getMarkdownFiles()\` with one \`getFileCache()\` each: a note's usual tags
(\`mlsd/<kind>\`, \`#mlsd/<kind>\`, \`mlsd/<kind>/...\`) are told apart by a lookup per tag without allocating, the rest of the
vault is passed over, and only unusual tag texts (upper case, "a, b" lists) take the full parse (src/core/schema.ts,
\`kindBitsOf\`). What is left is mostly memory latency: one metadata object, its properties and its tag list per note.
The stand-in's \`getFileCache\` is one map lookup (Obsidian's is two) and its \`getMarkdownFiles\` one pass, as Obsidian's.
Each vault is measured as Obsidian holds it after a start: Obsidian keeps its metadata cache in IndexedDB and reads it back
when the vault opens, so the stand-in reads its cache back in one go too (\`reloadFromStore()\`) before the cold catalog
is timed. Measured the same way before that reload, with each note's metadata made among its text as the notes were created,
the build took ${Object.entries(byNotes).map(([n, r]) => `${fmt(r.coldCatalogScatteredMs)} ms at ${Number(n).toLocaleString("en-US")} notes`).join(", ")} (\`coldCatalogScatteredMs\` in the JSON).
The cold catalog and read-and-parse are measured in turns (7 builds, then one read-and-parse, 5 rounds; 3 at 50,000 notes),
so both see the same machine; the figures are the medians. Each build is a few milliseconds of memory access, so on a busy machine it swings more than the baseline.
The baseline is what a plugin without the catalog would do: read every file and parse it with gray-matter.
Through the plugin's own UI: *modal open* is the "Draw a random interview prompt" command until a prompt is shown;
*draw* is one "Draw again" (the draw and its DOM update); *checklist* is "Insert design checklist into this note" for a case,
from choosing the case until the checklist is in the editor (it reads the seven step notes, the case and the checklist notes
from the vault, so edits show at once). The baselines of draw and checklist read and parse every file, then do the same work.

| notes | first cold catalog ms | cold catalog ms | read and parse ms | speed-up | modal open ms | draw ms | baseline draw ms | speed-up | checklist ms | baseline checklist ms | speed-up |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join("\n")}

${Object.keys(speedUpsByProcess).length > 0 ? `Cold catalog and read and parse are medians over ${Object.values(speedUpsByProcess)[0]!.length} bench processes (a process's heap layout and compiled code move the cold catalog by up to 2× from one to the next); the speed-up in each process was ${Object.entries(speedUpsByProcess).map(([n, xs]) => `${xs.map((x) => `${x}×`).join(", ")} at ${Number(n).toLocaleString("en-US")} notes`).join("; ")}.\n` : ""}After the first build the catalog is kept current by metadata events.
The synthetic vaults hold the seven shipped step notes plus N notes: 5% case studies, 40% concepts, 5% practice notes, 50% unrelated notes.
`;
	console.log(report);
	if (process.argv.includes("--write")) writeFileSync("BENCHMARKS.md", report);
}
