// End-to-end in a real browser engine: the production main.js, loaded in
// headless Chromium with the Obsidian stand-in as require("obsidian").
// Commands run, the DOM is asserted, and screenshots of each modal and the
// settings tab are saved in light and dark themes to artifacts/screenshots/.
//
// Needs Debian's chromium (apt-get install -y chromium). Outside CI, when it
// is missing, the test is skipped with one line saying how to enable it.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "fs";
import { join, resolve } from "path";
import { pathToFileURL } from "url";
import { bundleMarkdown, bundleStandIn } from "../../scripts/lib/standin-bundle.mjs";

const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter(Boolean);
const executablePath = CANDIDATES.find((p) => existsSync(p));
if (!executablePath) {
	const how = "install Chromium (sudo apt-get install -y chromium) or set CHROMIUM_PATH";
	if (process.env.CI === "true") {
		console.error(`browser test: Chromium not found; ${how}.`);
		process.exit(1);
	}
	// Exit 77: scripts/test.mjs counts the stage as skipped (never as passed) and repeats this reason.
	console.log(`skipped: Chromium not found; ${how} to run the browser test.`);
	process.exit(77);
}
if (!existsSync("main.js")) {
	console.error("browser test: main.js is missing; run `npm run build` first.");
	process.exit(1);
}

const { chromium } = await import("playwright-core");
const OUT = "artifacts/screenshots";
const DOCS = "docs/images";
const UPDATE_DOCS = process.argv.includes("--update-docs");
mkdirSync(OUT, { recursive: true });
await bundleStandIn("artifacts/standin.js");
await bundleMarkdown("artifacts/markdown.js");

const manifest = JSON.parse(readFileSync("manifest.json", "utf8"));
const countFiles = (dir) => readdirSync(dir).reduce((n, f) => n + (statSync(join(dir, f)).isDirectory() ? countFiles(join(dir, f)) : /\.(md|base|canvas)$/.test(f) ? 1 : 0), 0);
const shippedFiles = countFiles("vault-template");

// One page file: Obsidian-like CSS, the plugin's styles.css, KaTeX's CSS (with its fonts), Mermaid as Obsidian
// bundles it, the stand-in and the Markdown engine. Loaded from a file: URL so the fonts resolve.
const root = resolve(".");
writeFileSync("artifacts/page.html", `<!doctype html><html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${pathToFileURL(join(root, "node_modules/katex/dist/katex.min.css"))}">
<link rel="stylesheet" href="${pathToFileURL(join(root, "tests/browser/obsidian-base.css"))}">
<link rel="stylesheet" href="${pathToFileURL(join(root, "styles.css"))}">
<script src="${pathToFileURL(join(root, "node_modules/mermaid/dist/mermaid.min.js"))}"></script>
<script src="${pathToFileURL(join(root, "artifacts/standin.js"))}"></script>
<script src="${pathToFileURL(join(root, "artifacts/markdown.js"))}"></script>
</head><body class="theme-light"></body></html>`);
const PAGE = pathToFileURL(join(root, "artifacts/page.html")).href;

const browser = await chromium.launch({
	executablePath,
	args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--allow-file-access-from-files"],
});

let passed = 0;
let failed = 0;
const results = [];
async function test(name, fn) {
	try {
		await fn();
		passed++;
		results.push(`  ✓ ${name}`);
	} catch (e) {
		failed++;
		results.push(`  ✗ ${name}\n      ${(e && e.stack) || e}`);
	}
}
function expect(cond, message) {
	if (!cond) throw new Error(message);
}

const DESKTOP = { width: 900, height: 640 };
const PHONE = { width: 390, height: 844 };

async function newPage({ welcome = false, viewport = DESKTOP } = {}) {
	const page = await browser.newPage({ viewport });
	const errors = [];
	page.on("pageerror", (e) => errors.push(String(e)));
	page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
	await page.goto(PAGE);
	await page.evaluate(async ({ code, manifest, welcome, phone }) => {
		const O = window.ObsidianStandIn;
		if (phone) document.body.classList.add("is-mobile", "is-phone");
		const module = { exports: {} };
		const requireShim = (name) => {
			if (name === "obsidian") return O;
			throw new Error(`Cannot find module '${name}'`);
		};
		new Function("require", "module", "exports", code)(requireShim, module, module.exports);
		const PluginClass = module.exports.default ?? module.exports;
		const app = new O.App();
		document.body.append(app.statusBarEl);
		// Unless the test is about the first run, the welcome offer has been answered before.
		if (!welcome) await app.vault.adapter.write(`${app.vault.configDir}/plugins/${manifest.id}/data.json`, JSON.stringify({ schema: 1, welcomeDone: true }));
		const plugin = new PluginClass(app, manifest);
		plugin.load();
		await plugin.loading;
		app.workspace.markLayoutReady();
		window.app = app;
		window.plugin = plugin;
		window.O = O;
		// Ten quiet turns of the event loop; while the shipped notes unpack (in slices, a turn between each), as many as that takes.
		const unpacking = () => [...document.querySelectorAll(".notice-message")].some((el) => el.textContent.startsWith("Unpacking the shipped notes"));
		window.settle = async () => {
			for (let quiet = 0; quiet < 10; ) {
				await new Promise((r) => setTimeout(r, 0));
				quiet = unpacking() ? 0 : quiet + 1;
			}
			await app.metadataCache.settle();
		};
	}, { code: readFileSync("main.js", "utf8"), manifest, welcome, phone: viewport.width < 600 });
	return { page, errors };
}

/** Runs one of the plugin's commands in the page and waits for its work to settle. */
async function command(page, id) {
	await page.evaluate(async (full) => {
		window.app.commands.executeCommandById(full);
		await window.settle();
	}, `ml-system-design-vault:${id}`);
}

async function shoot(page, name) {
	for (const theme of ["light", "dark"]) {
		await page.evaluate((t) => { document.body.className = `theme-${t}`; }, theme);
		await page.screenshot({ path: `${OUT}/${name}-${theme}.png` });
	}
	await page.evaluate(() => { document.body.className = "theme-light"; });
}

/** Light and dark at desktop size, then light at phone size (Obsidian marks the body is-mobile is-phone there). */
async function shootSizes(page, name) {
	await shoot(page, name);
	await page.setViewportSize(PHONE);
	await page.evaluate(() => { document.body.className = "theme-light is-mobile is-phone"; });
	await page.screenshot({ path: `${OUT}/${name}-phone.png` });
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	await page.evaluate(() => { document.body.className = "theme-light"; });
	await page.setViewportSize(DESKTOP);
	expect(overflow <= 1, `${name}: the page is ${overflow}px wider than a phone screen`);
}

/** Shows a view's leaf the way the workspace would (the stand-in keeps leaves off-screen). */
async function showLeaf(page, type) {
	await page.evaluate((t) => {
		for (const el of [...document.querySelectorAll(".mlsd-leaf-frame")]) el.remove();
		const leaf = window.app.workspace.getLeavesOfType(t)[0];
		const frame = document.body.createDiv({ cls: "mlsd-leaf-frame workspace-leaf" });
		frame.append(leaf.view.containerEl);
	}, type);
}

await test("first run: the welcome modal offers to install and writes nothing until asked (light and dark)", async () => {
	const { page, errors } = await newPage({ welcome: true });
	await page.evaluate(() => window.settle());
	await page.waitForSelector(".mlsd-welcome");
	expect((await page.textContent(".modal-title")) === "Welcome", "welcome title");
	expect(/Install \d+ linked notes/.test(await page.textContent(".mlsd-welcome")), "offer names the number of notes");
	expect((await page.evaluate(() => window.app.vault.getFiles().length)) === 0, "nothing written before consent");
	await shoot(page, "welcome-modal");
	await page.click("button:text('Install notes')");
	await page.evaluate(() => window.settle());
	expect((await page.evaluate(() => window.app.vault.getFiles().length)) === shippedFiles, "installed after consent");
	expect(errors.length === 0, `page errors: ${errors.join("; ")}`);
	await page.close();
});

await test("install command writes every shipped note and shows a notice", async () => {
	const { page, errors } = await newPage();
	const ran = await page.evaluate(() => window.app.commands.executeCommandById("ml-system-design-vault:install-notes"));
	expect(ran === true, "command did not run");
	await page.evaluate(() => window.settle());
	await page.waitForSelector(".notice");
	const notice = await page.textContent(".notice");
	expect(new RegExp(`Created ${shippedFiles}\\b`).test(notice ?? ""), `notice was: ${notice}`);
	const files = await page.evaluate(() => window.app.vault.getFiles().length);
	expect(files === shippedFiles, `expected ${shippedFiles} files, got ${files}`);
	await page.screenshot({ path: `${OUT}/install-notice-light.png` });
	expect(errors.length === 0, `page errors: ${errors.join("; ")}`);
	await page.close();
});

await test("install report lists a kept edit (light and dark)", async () => {
	const { page } = await newPage();
	await page.evaluate(async () => {
		window.app.commands.executeCommandById("ml-system-design-vault:install-notes");
		await window.settle();
		const f = window.app.vault.getFileByPath("ML System Design/Framework/Step 1 - Clarifying requirements.md");
		await window.app.vault.modify(f, "---\ntype: framework-step\n---\nMy own version");
		window.app.commands.executeCommandById("ml-system-design-vault:install-notes");
		await window.settle();
	});
	await page.waitForSelector(".modal .mlsd-report");
	const text = await page.textContent(".modal");
	expect(text.includes("Kept your edited version (1)"), `report: ${text}`);
	await shoot(page, "install-report");
	await page.keyboard.press("Escape");
	// A plugin upgrade that changes the note the user edited: the new version is offered.
	await page.evaluate(async () => {
		const path = "Framework/Step 1 - Clarifying requirements.md";
		const t = window.plugin.template;
		const files = t.files.map((f) => (f.path === path ? { ...f, content: f.content.replace(/^(## .*)$/m, "$1 (revised)") + "\nNew paragraph.\n", hash: "changed" } : f));
		Object.defineProperty(window.plugin, "template", { value: { version: "v2", files }, configurable: true });
		window.app.commands.executeCommandById("ml-system-design-vault:install-notes");
		await window.settle();
	});
	await page.waitForSelector(".mlsd-report-offers");
	expect((await page.textContent(".mlsd-report-offers")).includes("Step 1 - Clarifying requirements.md"), "offer listed");
	await shoot(page, "update-report");
	await page.click(".mlsd-report-offers button:text('Compare')");
	await page.waitForSelector(".mlsd-compare");
	await shoot(page, "compare-versions");
	expect(text.includes("Step 1 - Clarifying requirements.md"), "report names the file");
	await page.close();
});

await test("merge report and line diff view after an update (light and dark, desktop and phone)", async () => {
	const { page, errors } = await newPage();
	await installAll(page);
	const STEP1 = "ML System Design/Framework/Step 1 - Clarifying requirements.md";
	const STEP3 = "ML System Design/Framework/Step 3 - Data preparation.md";
	await page.evaluate(async ({ STEP1, STEP3 }) => {
		const v = window.app.vault;
		// Step 1: a tick and a My notes section. Step 3: an edit to a line the update also changes.
		await v.process(v.getFileByPath(STEP1), (s) => s.replace("- [ ] Named the business goal", "- [x] Named the business goal") + "\n## My notes\n\nAsked in my last loop: clarify the buyer first.\n");
		await v.process(v.getFileByPath(STEP3), (s) => s.replace(/^(## .*)$/m, "$1 (my wording)"));
		const t = window.plugin.template;
		const files = t.files.map((f) => {
			if (f.path.endsWith("Step 1 - Clarifying requirements.md")) return { ...f, content: f.content.replace("Five minutes out of forty-five.", "About five minutes out of forty-five.").replace(/(- \[ \] Named the business goal[^\n]*\n)/, "$1- [ ] Asked which metric the team is judged on\n"), hash: "changed1" };
			if (f.path.endsWith("Step 3 - Data preparation.md")) return { ...f, content: f.content.replace(/^(## .*)$/m, "$1 (revised)").replace(/\n$/, "\n\nA paragraph added in this version.\n"), hash: "changed3" };
			return f;
		});
		Object.defineProperty(window.plugin, "template", { value: { version: "v3", files }, configurable: true });
		for (const n of [...document.querySelectorAll(".notice")]) n.remove();
		window.app.commands.executeCommandById("ml-system-design-vault:install-notes");
		await window.settle();
	}, { STEP1, STEP3 });
	await page.waitForSelector(".mlsd-report .mlsd-report-merge");
	const report = await page.textContent(".mlsd-report");
	expect(report.includes("Merged with your changes (1)"), `report: ${report}`);
	expect(report.includes("Your edit overlaps the new version (1)"), `report: ${report}`);
	expect(await page.isVisible("button:text('Take all non-overlapping changes (1)')"), "bulk action shown");
	const merged = await page.evaluate(async (p) => window.app.vault.read(window.app.vault.getFileByPath(p)), STEP1);
	expect(merged.includes("- [x] Named the business goal") && merged.includes("About five minutes") && merged.includes("Asked which metric") && merged.endsWith("clarify the buyer first.\n"), "tick, My notes and the update all in Step 1");
	expect(!/<<<<<<<|>>>>>>>/.test(merged), "no conflict markers");
	await shoot(page, "merge-report");
	await page.click(".mlsd-report-offers button:text('Compare')");
	await page.waitForSelector(".mlsd-diff .mlsd-diff-conflict");
	const rows = await page.$$eval(".mlsd-diff-theirs .mlsd-diff-text", (els) => els.map((e) => e.textContent));
	expect(rows.includes("A paragraph added in this version."), `added rows: ${rows.join(" | ")}`);
	await shoot(page, "diff-view");
	await page.setViewportSize({ width: 390, height: 844 });
	await page.screenshot({ path: `${OUT}/diff-view-phone-light.png` });
	expect(errors.length === 0, `page errors: ${errors.join("; ")}`);
	await page.close();
});

await test("settings tab on Obsidian 1.13 (definitions) and 1.12 (display) rejects ../outside with the same message (light and dark)", async () => {
	const messages = [];
	for (const version of ["1.13.1", "1.12.7"]) {
		const { page, errors } = await newPage();
		const declarative = await page.evaluate(async (v) => {
			window.O.setApiVersion(v);
			const frame = document.body.createDiv({ cls: "settings-frame" });
			const tab = window.app.settingTabs[0];
			frame.append(tab.containerEl);
			await window.O.openSettingTab(tab);
			return tab.shownDeclaratively;
		}, version);
		expect(declarative === (version === "1.13.1"), `${version}: declarative ${declarative}`);
		const names = await page.$$eval(".setting-item-name", (els) => els.map((e) => e.textContent));
		expect(JSON.stringify(names.slice(0, 3)) === JSON.stringify(["Notes folder", "Practice folder", "Personal notes folder"]), `names: ${names}`);
		expect(names.includes("Mock interview length"), `names: ${names}`);
		await page.fill(".setting-item input >> nth=0", "../outside");
		await page.evaluate(() => window.settle());
		const error = await page.textContent(".mlsd-setting-error:not(:empty), .setting-item-error:not(:empty)");
		expect(/outside the vault/.test(error ?? ""), `${version}: error: ${error}`);
		messages.push(error);
		const saved = await page.evaluate(() => window.plugin.data.settings.installFolder);
		expect(saved === "ML System Design", `${version}: saved ${saved}`);
		await shoot(page, version === "1.13.1" ? "settings" : "settings-1.12");
		expect(errors.length === 0, `page errors: ${errors.join("; ")}`);
		await page.evaluate(() => window.O.setApiVersion("1.13.1"));
		await page.close();
	}
	expect(messages[0] === messages[1], `messages differ: ${messages.join(" | ")}`);
});

async function installAll(page) {
	await page.evaluate(async () => {
		window.app.commands.executeCommandById("ml-system-design-vault:install-notes");
		await window.settle();
		for (const n of [...document.querySelectorAll(".notice")]) n.remove();
	});
}

/** Opens a note in reading view, rendered as Obsidian shows it, with its diagrams drawn; returns Mermaid's problems. */
async function showRendered(page, path, scrollTo) {
	return page.evaluate(async ({ p, scrollTo }) => {
		for (const n of [...document.querySelectorAll(".mlsd-test-reading, .modal-container, .notice")]) n.remove();
		const f = window.app.vault.getFileByPath(p);
		const text = await window.app.vault.read(f);
		const leaf = document.body.createDiv({ cls: "mlsd-test-reading workspace-leaf-content" });
		leaf.createDiv({ cls: "view-header" }).createDiv({ cls: "view-header-title", text: f.basename });
		const view = leaf.createDiv({ cls: "markdown-reading-view markdown-preview-view markdown-rendered" });
		const sizer = view.createDiv({ cls: "markdown-preview-sizer" });
		sizer.createDiv({ cls: "inline-title", text: f.basename });
		window.MlsdMarkdown.initMermaid(document.body.classList.contains("theme-dark"));
		window.MlsdMarkdown.renderMarkdown(text, sizer);
		const problems = await window.MlsdMarkdown.drawDiagrams(sizer);
		const target = scrollTo ? sizer.querySelector(scrollTo) : null;
		if (target) view.scrollTop = target.offsetTop - 120;
		return problems;
	}, { p: path, scrollTo });
}

/** What a rendered note must not show: Markdown source that reading view would have turned into something else. */
async function expectRendered(page) {
	const text = await page.textContent(".mlsd-test-reading");
	for (const raw of [/^\s*- \[[ xX]\]/m, /\[!\w+\]/, /```/, /\[\[/, /^#{1,6} /m, /^\|.*\|$/m]) expect(!raw.test(text ?? ""), `raw Markdown left in the rendered note: ${raw}`);
}

/** Light and dark screenshots of a note in reading view, side by side, at one size. */
async function readingShots(page, path, scrollTo) {
	const shots = [];
	for (const theme of ["light", "dark"]) {
		await page.evaluate((t) => { document.body.classList.remove("theme-light", "theme-dark"); document.body.classList.add(`theme-${t}`); }, theme);
		const problems = await showRendered(page, path, scrollTo);
		expect(problems.length === 0, `Mermaid could not draw a diagram in ${path}: ${problems.join("; ")}`);
		await expectRendered(page);
		shots.push(await page.screenshot());
	}
	await page.evaluate(() => { document.body.classList.remove("theme-dark"); document.body.classList.add("theme-light"); });
	return shots;
}

/** Puts screenshots side by side in one PNG (fewer, smaller files for the README). */
async function composite(shots, file) {
	const page = await browser.newPage({ viewport: { width: 400, height: 300 } });
	await page.setContent(`<body style="margin:0;display:flex;gap:12px;background:#8a8a8a;width:max-content;padding:12px">${shots.map((b) => `<img src="data:image/png;base64,${b.toString("base64")}">`).join("")}</body>`);
	await page.locator("body").screenshot({ path: file });
	await page.close();
	if (UPDATE_DOCS) copyFileSync(file, join(DOCS, file.slice(file.lastIndexOf("/") + 1)));
}

/**
 * A note as users see it: reading view in light and dark, at desktop size (this page) and phone size
 * (a phone-sized page with the same note), saved as <name>-desktop.png and <name>-phone.png.
 */
async function captureNote(page, path, name, scrollTo) {
	await composite(await readingShots(page, path, scrollTo), `${OUT}/${name}-desktop.png`);
	const text = await page.evaluate(async (p) => window.app.vault.read(window.app.vault.getFileByPath(p)), path);
	const { page: phone, errors } = await newPage({ viewport: PHONE });
	await phone.evaluate(async ({ p, text }) => {
		const folder = p.slice(0, p.lastIndexOf("/"));
		if (folder && !window.app.vault.getAbstractFileByPath(folder)) await window.app.vault.createFolder(folder);
		await window.app.vault.create(p, text);
	}, { p: path, text });
	await composite(await readingShots(phone, path, scrollTo), `${OUT}/${name}-phone.png`);
	expect(errors.length === 0, `page errors: ${errors.join("; ")}`);
	await phone.close();
}

/** Every ```mermaid block in the shipped notes, with where it is. */
function vaultDiagrams(dir = "vault-template") {
	return readdirSync(dir).flatMap((n) => {
		const p = join(dir, n);
		if (statSync(p).isDirectory()) return vaultDiagrams(p);
		if (!p.endsWith(".md")) return [];
		const out = [];
		const lines = readFileSync(p, "utf8").split("\n");
		for (let i = 0; i < lines.length; i++) {
			if (lines[i].trim() !== "```mermaid") continue;
			const start = i + 1;
			let j = start;
			while (j < lines.length && lines[j].trim() !== "```") j++;
			out.push({ where: `${p}:${start}`, code: lines.slice(start, j).join("\n") });
			i = j;
		}
		return out;
	});
}

await test("every Mermaid diagram in the vault renders to SVG with the Mermaid Obsidian bundles", async () => {
	const diagrams = vaultDiagrams();
	expect(diagrams.length > 0, "no diagrams found");
	const { page } = await newPage();
	const version = await page.evaluate(() => window.mermaid?.version?.() ?? window.mermaid?.mermaidAPI?.getConfig?.()?.version ?? null);
	const pinned = JSON.parse(readFileSync("node_modules/mermaid/package.json", "utf8")).version;
	const failures = [];
	let drawn = 0;
	// In batches, in one page: fast, and a failure names its note and line.
	for (let i = 0; i < diagrams.length; i += 40) {
		const batch = diagrams.slice(i, i + 40);
		const r = await page.evaluate(async (batch) => {
			window.MlsdMarkdown.initMermaid(false);
			const out = [];
			let n = 0;
			for (const [k, d] of batch.entries()) {
				try {
					const { svg } = await window.mermaid.render(`all-${Date.now()}-${k}`, d.code);
					if (!/^<svg[\s\S]*<\/svg>$/.test(svg.trim()) || /Syntax error in text/.test(svg)) out.push(`${d.where}: no diagram drawn`);
					else n++;
				} catch (e) {
					out.push(`${d.where}: ${(e && e.message) || e}`);
				}
			}
			for (const el of [...document.querySelectorAll("body > div[id^='dall-']")]) el.remove();
			return { failures: out, drawn: n };
		}, batch);
		failures.push(...r.failures);
		drawn += r.drawn;
	}
	expect(failures.length === 0, `${failures.length} of ${diagrams.length} diagrams did not render:\n        ${failures.join("\n        ")}`);
	expect(drawn === diagrams.length, `drew ${drawn} of ${diagrams.length}`);
	results.push(`    (${drawn} diagrams drawn with Mermaid ${version ?? pinned})`);
	await page.close();
});

await test("a case study renders as in reading view: properties, callouts, tables, math, diagrams as SVG (light and dark, desktop and phone)", async () => {
	const { page, errors } = await newPage();
	await installAll(page);
	const path = "ML System Design/Case studies/Ad click-through rate prediction.md";
	await showRendered(page, path);
	expect((await page.$$(".mlsd-test-reading .mermaid svg")).length >= 1, "the case's diagrams are drawn as SVG");
	expect((await page.$$(".mlsd-test-reading .metadata-container")).length === 1, "properties shown");
	expect((await page.$$(".mlsd-test-reading table")).length >= 1, "tables rendered");
	expect((await page.$$(".mlsd-test-reading a.internal-link")).length >= 8, "wikilinks rendered as links");
	await captureNote(page, path, "case-study", ".mermaid");
	// Math: any note with $...$ renders through KaTeX.
	await showRendered(page, "ML System Design/Concepts/Metrics/Precision and recall.md");
	expect((await page.$$(".mlsd-test-reading .katex")).length >= 1, "math rendered with KaTeX");
	expect(errors.length === 0, `page errors: ${errors.join("; ")}`);
	await page.close();
});

await test("prompt modal draws, filters and starts practice (light and dark)", async () => {
	const { page, errors } = await newPage();
	await installAll(page);
	await page.evaluate((f) => { window.plugin.data.settings.promptFilters = f; }, { domain: "recsys", difficulty: null, source: "both", skipPractisedDays: 0, twist: true });
	await command(page, "draw-prompt");
	await page.waitForSelector(".mlsd-prompt-text");
	const meta = await page.textContent(".mlsd-prompt-meta");
	expect(/^recsys · (easy|medium|hard)$/.test(meta ?? ""), `meta: ${meta}`);
	const twist = await page.textContent(".mlsd-prompt-twist");
	expect(/^Twist: ./.test(twist ?? ""), `twist: ${twist}`);
	expect(/^Model answer after the session: Twist - /.test((await page.textContent(".mlsd-prompt-twist-source")) ?? ""), "the twist names its note");
	await shoot(page, "prompt-modal");
	await page.click("button:text('Draw again')");
	expect((await page.textContent(".mlsd-prompt-text")).length > 10, "a prompt after drawing again");
	await page.click("button:text('Start practice')");
	await page.evaluate(() => window.settle());
	const path = await page.evaluate(() => window.app.workspace.getActiveFile()?.path);
	expect(path && path.startsWith("ML System Design practice/Practice "), `practice note: ${path}`);
	const text = await page.evaluate(async (p) => window.app.vault.read(window.app.vault.getFileByPath(p)), path);
	expect(text.includes("> [!example]- Reference case study"), "reference is folded");
	await captureNote(page, path, "practice-note");
	expect((await page.$$(".mlsd-test-reading .callout.is-collapsed[data-callout='example']")).length === 1, "the reference case is a folded callout");
	expect(errors.length === 0, `page errors: ${errors.join("; ")}`);
	await page.close();
});

await test("generated checklist for a chosen case (light and dark)", async () => {
	const { page } = await newPage();
	await installAll(page);
	await command(page, "generate-checklist");
	await page.waitForSelector(".prompt-input");
	await page.fill(".prompt-input", "fraud");
	await page.waitForSelector(".suggestion-item");
	await shoot(page, "case-chooser");
	await page.keyboard.press("Enter");
	await page.evaluate(() => window.settle());
	const path = await page.evaluate(() => window.app.workspace.getActiveFile()?.path);
	expect(/Checklist .* Real-time payment fraud detection\.md$/.test(path ?? ""), `checklist note: ${path}`);
	const source = await page.evaluate(async (p) => window.app.vault.read(window.app.vault.getFileByPath(p)), path);
	expect(source.includes("## Specific to Real-time payment fraud detection"), "case section present");
	await captureNote(page, path, "checklist");
	expect((await page.$$(".mlsd-test-reading input.task-list-item-checkbox")).length >= 20, "checklist items are checkboxes");
	await page.close();
});

await test("mock interview: status-bar timer, the two-part self-review, the progress view and note, case flashcards (desktop and phone)", async () => {
	const { page, errors } = await newPage();
	await installAll(page);
	await page.evaluate((f) => { window.plugin.data.settings.promptFilters = f; }, { domain: "ads", difficulty: null, source: "both", skipPractisedDays: 0, twist: false });
	await command(page, "draw-prompt");
	await page.click("button:text('Start practice')");
	await page.evaluate(() => window.settle());
	await command(page, "start-mock-interview");
	await page.waitForSelector(".mlsd-timer");
	const label = await page.textContent(".mlsd-timer");
	expect(/^Step 1 · Clarifying requirements · 0?\d+:\d\d$/.test(label ?? ""), `timer: ${label}`);
	// Clicking the clock moves to the next step.
	await page.click(".mlsd-timer-label");
	expect(/^Step 2 · /.test((await page.textContent(".mlsd-timer")) ?? ""), "the clock advanced");
	await page.evaluate(() => { for (const n of [...document.querySelectorAll(".notice")]) n.remove(); });
	await page.screenshot({ path: `${OUT}/status-bar-timer-light.png`, clip: { x: 500, y: 560, width: 400, height: 80 } });
	await command(page, "stop-mock-interview");
	await page.waitForSelector(".mlsd-review-modal .mlsd-review-checklist");
	expect((await page.$$(".mlsd-review-modal .mlsd-score")).length === 0, "no scores before the checklist");
	await shootSizes(page, "self-review-checklist");
	await page.click(".mlsd-review-modal .mlsd-review-item >> nth=0");
	await page.click(".mlsd-review-modal button:text('Score the steps')");
	expect((await page.$$(".mlsd-review-modal .is-active")).length === 0, "nothing preselected");
	expect(await page.isDisabled(".mlsd-review-modal button:text('Save review')"), "saving waits for a rating");
	await page.click(".mlsd-review-modal .mlsd-review-step >> nth=0 >> button:text('3 · solid')");
	await page.click(".mlsd-review-modal button:text('Good')");
	await shootSizes(page, "self-review");
	await page.click(".mlsd-review-modal button:text('Save review')");
	await page.evaluate(() => window.settle());
	const practicePath = await page.evaluate(() => window.app.workspace.getActiveFile()?.path);
	const fm = await page.evaluate(async (p) => window.app.metadataCache.getCache(p)?.frontmatter, practicePath);
	expect(fm && fm["mlsd-rating"] === "good" && fm["step1-score"] === 3 && fm["step2-score"] === undefined && fm["step3-score"] === "skipped" && fm.due === undefined && typeof fm["step1-minutes"] === "number",
		`practice properties: ${JSON.stringify(fm)}`);

	await page.evaluate(() => { window.plugin.data.settings.interviewDate = new Date(Date.now() + 19 * 86400000).toISOString().slice(0, 10); });
	await command(page, "open-progress");
	await showLeaf(page, "mlsd-progress");
	await page.waitForSelector(".mlsd-progress-view .mlsd-spark circle");
	expect(/days? to the interview/.test((await page.textContent(".mlsd-progress-days")) ?? ""), "days to the interview");
	expect((await page.$$(".mlsd-progress-next .setting-item")).length === 3, "three next things");
	await shootSizes(page, "progress-view");
	await page.click(".mlsd-progress-view button:text('Save as note')");
	await page.evaluate(() => window.settle());
	const progressPath = await page.evaluate(() => window.app.workspace.getActiveFile()?.path);
	expect(/Progress\.md$/.test(progressPath ?? ""), `progress note: ${progressPath}`);
	await page.evaluate(() => { for (const n of [...document.querySelectorAll(".mlsd-leaf-frame")]) n.remove(); });
	await captureNote(page, progressPath, "progress");
	// The drawn ads case (there are several): named in the practice note's file name.
	const caseName = /Practice \d{4}-\d{2}-\d{2} (.+)\.md$/.exec(practicePath ?? "")?.[1] ?? "";
	expect(caseName !== "" && (await page.textContent(".mlsd-test-reading")).includes(caseName), `progress lists the practised case (${caseName})`);
	await page.evaluate(() => { for (const n of [...document.querySelectorAll(".mlsd-test-reading")]) n.remove(); });

	await page.evaluate(async (name) => {
		const f = window.app.metadataCache.getFirstLinkpathDest(name, "");
		await window.app.workspace.getLeaf(true).openFile(f);
		window.app.commands.executeCommandById("ml-system-design-vault:review-flashcards");
		await window.settle();
	}, caseName);
	await page.waitForSelector(".mlsd-flashcards-modal .mlsd-flashcard");
	expect((await page.$$(".mlsd-flashcard")).length === 1, "one card at a time");
	const firstQuestion = await page.textContent(".mlsd-flashcard-question");
	await page.click(".mlsd-flashcard-show");
	await page.waitForSelector(".mlsd-flashcard-answer");
	expect((await page.$$(".mlsd-flashcard-grade")).length === 4, "four grade buttons after the answer is shown");
	await shoot(page, "case-flashcards");
	await page.keyboard.press("3");
	await page.waitForFunction((q) => document.querySelector(".mlsd-flashcard-question")?.textContent !== q && !document.querySelector(".mlsd-flashcard-answer"), firstQuestion);
	const log = await page.evaluate(async () => {
		await window.settle();
		const f = window.app.vault.getFileByPath("ML System Design practice/Flashcard reviews.md");
		return f ? window.app.vault.read(f) : "";
	});
	expect(/ good {2}/.test(log), "the grade went to the review log note");
	expect(errors.length === 0, `page errors: ${errors.join("; ")}`);
	await page.close();
});

await test("interview date, today's plan, a partial drill with the twist at its minute, and the interviewer card (desktop and phone)", async () => {
	const { page, errors } = await newPage();
	await installAll(page);
	await command(page, "set-interview-date");
	await page.waitForSelector(".mlsd-date-modal");
	const date = new Date(Date.now() + 19 * 86400000).toISOString().slice(0, 10);
	await page.fill(".mlsd-date-input", date);
	expect((await page.textContent(".mlsd-date-info")) === "19 days from today.", "days from today");
	await page.click(".mlsd-date-domains .setting-item:has-text('fraud-risk') .checkbox-container");
	await page.evaluate(() => {
		const modal = document.querySelector(".mlsd-date-modal");
		const c = window.plugin.catalog.get().caseByName("Real-time payment fraud detection");
		for (const m of window.O.Modal.open) if (m.modalEl === modal) m.addAnchor(c);
	});
	await shootSizes(page, "interview-date");
	await page.click(".mlsd-date-modal button:text('Save')");
	await page.evaluate(() => window.settle());

	await command(page, "todays-plan");
	await page.waitForSelector(".mlsd-plan-modal");
	expect((await page.textContent(".mlsd-plan-days")) === "19", "19 days left");
	expect(/^Run a mock interview of Real-time payment fraud detection/.test((await page.textContent(".mlsd-plan-item-mock .setting-item-name")) ?? ""), "the anchor comes first");
	await shootSizes(page, "todays-plan");
	await page.keyboard.press("Escape");

	await page.evaluate(async () => {
		Object.assign(window.plugin.data.settings, { twistMinute: 1, autoAdvance: true });
		const f = window.app.vault.getFileByPath("ML System Design/Case studies/Real-time payment fraud detection.md");
		await window.app.workspace.getLeaf(true).openFile(f);
	});
	await command(page, "practise-this-case");
	await page.waitForSelector(".mlsd-practise-modal");
	for (const n of [1, 4, 5, 6, 7]) await page.click(`.mlsd-practise-steps .setting-item:has-text('Step ${n} ·') .checkbox-container`);
	expect(/^A partial drill of steps 2, 3: /.test((await page.textContent(".mlsd-practise-summary")) ?? ""), "drill summary");
	await shootSizes(page, "practise-this-case");
	await page.click(".mlsd-practise-modal button:text('Start mock interview')");
	await page.evaluate(() => window.settle());
	expect(/^Step 2 · /.test((await page.textContent(".mlsd-timer")) ?? ""), "the drill starts at step 2");
	// The twist at minute 1: moved on by the clock the plugin reads, as a real minute would.
	await page.evaluate(() => {
		const t = window.plugin.data.timer;
		t.events[0].at -= 61000;
	});
	await page.waitForSelector(".notice .mlsd-cue-label", { timeout: 5000 });
	expect(/^Interviewer, minute 1: a twist/.test((await page.textContent(".notice .mlsd-cue-label")) ?? ""), "the twist arrives");
	await page.screenshot({ path: `${OUT}/twist-cue-light.png` });

	await command(page, "open-interviewer-card");
	await showLeaf(page, "mlsd-interviewer-card");
	await page.waitForSelector(".mlsd-card-view .mlsd-card-followup-list li");
	const summaries = await page.$$eval(".mlsd-card-view > details > summary", (els) => els.map((e) => e.textContent));
	expect(summaries[0] === "Answers to clarifying questions" && summaries.includes("Red flags") && summaries.some((x) => x.startsWith("Twist: ")), `card sections: ${summaries}`);
	await page.evaluate(() => { for (const n of [...document.querySelectorAll(".notice")]) n.remove(); });
	await shootSizes(page, "interviewer-card");
	expect(errors.length === 0, `page errors: ${errors.join("; ")}`);
	await page.close();
});

await browser.close();
console.log(`browser test (Chromium at ${executablePath}):\n${results.join("\n")}`);
console.log(`screenshots in ${OUT}/`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
